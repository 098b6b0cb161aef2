using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>
/// LMArena's <c>scatterplot-data.json</c>: per arena key (<c>model_api_name</c>) the display name, organisation and
/// licence. Its $/M prices are not kept: they are the lab's list price copied at some undated moment, under the
/// arena key rather than any provider's id, so they would be neither an offering nor a dated price. <c>hidden</c>
/// only hides a point on LMArena's plot.
/// </summary>
internal static class LmArenaModelMap
{
    public static List<SourceModel> Read(JsonElement root, string file, List<RecordProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogSourceException($"{file}: not LMArena's model map; expected an array of {{name, model_api_name, organization, license, …}}, found {JsonFields.Describe(root)}.");
        }

        var models = new List<SourceModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var location = FormattableString.Invariant($"{file} $[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RecordProblem(location, $"is {JsonFields.Describe(item)}; expected a model object. The entry is skipped."));
                continue;
            }

            var fields = new JsonFields(item, location, "model map entry", problems);
            var key = fields.Text("model_api_name");
            if (key is null)
            {
                fields.Problem("model_api_name", "is missing; expected the arena key the entry describes. The entry is skipped");
                continue;
            }

            if (!seen.Add(key))
            {
                problems.Add(new RecordProblem($"{location}.model_api_name", $"arena key \"{key}\" is described a second time; the first description is kept."));
                continue;
            }

            var named = new JsonFields(item, location, $"arena key \"{key}\"", problems);
            var organisation = named.Text("organization");
            var licence = LicenceText.Classify(named.Text("license"));
            models.Add(new SourceModel(key)
            {
                DisplayName = named.Text("name"),
                Organisation = organisation,
                Lab = ArenaLabs.FromOrganisation(organisation) ?? ArenaLabs.FromKey(key),
                Licence = licence?.Class,
                LicenceId = licence?.Id,
            });
        }

        return models;
    }
}

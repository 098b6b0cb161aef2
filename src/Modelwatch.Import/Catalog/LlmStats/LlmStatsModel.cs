using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LlmStats;

/// <summary>One <c>model.json</c> as a model and its <c>qualitative_metrics</c> as benchmark scores.</summary>
internal static partial class LlmStatsModel
{
    public static SourceModel Read(JsonFields fields, string org, string id)
    {
        var licence = LicenceText.Classify(fields.Text("license"));
        var (architecture, active) = MixtureOfExperts(id);
        return new SourceModel($"{org}/{id}")
        {
            Lab = LabSlugs.FromVendor(org),
            DisplayName = fields.Text("name"),
            ReleaseDate = fields.Date("release_date"),
            KnowledgeCutoff = fields.MonthOrDate("knowledge_cutoff"),
            Licence = licence?.Class,
            LicenceId = licence?.Id,
            WeightsUrl = fields.Text("weights_link"),
            TotalParameters = Positive(fields, "param_count"),
            ActiveParameters = active,
            Architecture = architecture,

            // "input_context_size" is, for every model in the tree, the model's context window as its lab states it
            // (gpt-4.1: 1,047,576; claude: 200,000), not an input limit below it.
            ContextWindow = fields.Int32("input_context_size"),
            MaxOutputTokens = fields.Int32("output_context_size"),
        };
    }

    public static void Scores(JsonFields fields, string modelRef, List<SourceBenchmarkScore> scores)
    {
        if (fields.Array("qualitative_metrics") is not { } metrics)
        {
            return;
        }

        var index = 0;
        foreach (var item in metrics.EnumerateArray())
        {
            var metric = fields.Item("qualitative_metrics", index++, item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                fields.Problem(FormattableString.Invariant($"qualitative_metrics[{index - 1}]"), item, "a benchmark result object");
                continue;
            }

            var benchmark = metric.Text("dataset_name");
            var score = metric.Double("score");
            if (benchmark is null || score is null)
            {
                metric.Problem(benchmark is null ? "dataset_name" : "score", "is missing or unreadable; a benchmark result needs dataset_name and score. The result is skipped");
                continue;
            }

            scores.Add(new SourceBenchmarkScore(modelRef, benchmark, score.Value)
            {
                Metric = metric.Text("analysis_method"),
                SourceUrl = metric.Text("source_link"),
                SelfReported = metric.Boolean("is_self_reported"),
                AsOf = metric.Date("date_recorded", "The score is kept without a date"),
            });
        }
    }

    /// <summary>Mixture of experts only where the id says so: "235b-a22b" (22B active of 235B) or "moe".</summary>
    internal static (ModelArchitecture?, long?) MixtureOfExperts(string id)
    {
        var match = ActiveSize().Match(id);
        if (match.Success && decimal.TryParse(match.Groups["active"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var billions))
        {
            return (ModelArchitecture.MixtureOfExperts, (long)(billions * 1_000_000_000m));
        }

        return MoeWord().IsMatch(id) ? (ModelArchitecture.MixtureOfExperts, null) : (null, null);
    }

    private static long? Positive(JsonFields fields, string name)
    {
        var value = fields.Int64(name);
        if (value <= 0)
        {
            fields.Problem(name, FormattableString.Invariant($"is {value}; expected a positive parameter count"));
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"[0-9]+(\.[0-9]+)?b-a(?<active>[0-9]+(\.[0-9]+)?)b(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveSize();

    [GeneratedRegex(@"(^|-)moe(-|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoeWord();
}

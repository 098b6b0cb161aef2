using System.Globalization;

namespace Modelwatch.Core.Catalog;

/// <summary>
/// Field names of model facts as stored, and their text form: dates <c>yyyy-MM-dd</c>, numbers invariant,
/// booleans <c>true</c>/<c>false</c>, enums by name, lists comma-joined. One place so the store, the precedence
/// rules and <c>catalog show</c> agree.
/// </summary>
public static class ModelFields
{
    public const string DisplayName = "display_name";
    public const string Organisation = "organisation";
    public const string Family = "family";
    public const string ReleaseDate = "release_date";
    public const string KnowledgeCutoff = "knowledge_cutoff";
    public const string Licence = "licence";
    public const string LicenceId = "licence_id";
    public const string LicenceUrl = "licence_url";
    public const string WeightsUrl = "weights_url";
    public const string Architecture = "architecture";
    public const string TotalParameters = "total_parameters";
    public const string ActiveParameters = "active_parameters";
    public const string ContextWindow = "context_window";
    public const string MaxInputTokens = "max_input_tokens";
    public const string MaxOutputTokens = "max_output_tokens";
    public const string InputModalities = "input_modalities";
    public const string OutputModalities = "output_modalities";
    public const string Reasoning = "reasoning";
    public const string ToolCalling = "tool_calling";
    public const string Status = "status";
    public const string DeprecatedOn = "deprecated_on";
    public const string RetiredOn = "retired_on";

    /// <summary>Every field, in the order <c>catalog show</c> lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DisplayName, Organisation, Family, ReleaseDate, KnowledgeCutoff, Licence, LicenceId, LicenceUrl, WeightsUrl,
        Architecture, TotalParameters, ActiveParameters, ContextWindow, MaxInputTokens, MaxOutputTokens,
        InputModalities, OutputModalities, Reasoning, ToolCalling, Status, DeprecatedOn, RetiredOn,
    ];

    internal static IEnumerable<ModelFact> FactsOf(SourceModel m)
    {
        var facts = new List<ModelFact>();
        Add(facts, DisplayName, m.DisplayName);
        Add(facts, Organisation, m.Organisation);
        Add(facts, Family, m.Family);
        Add(facts, ReleaseDate, Format(m.ReleaseDate));
        Add(facts, KnowledgeCutoff, m.KnowledgeCutoff);
        Add(facts, Licence, m.Licence?.ToString());
        Add(facts, LicenceId, m.LicenceId);
        Add(facts, LicenceUrl, m.LicenceUrl);
        Add(facts, WeightsUrl, m.WeightsUrl);
        Add(facts, Architecture, m.Architecture is null or ModelArchitecture.Unknown ? null : m.Architecture.ToString());
        Add(facts, TotalParameters, m.TotalParameters?.ToString(CultureInfo.InvariantCulture));
        Add(facts, ActiveParameters, m.ActiveParameters?.ToString(CultureInfo.InvariantCulture));
        Add(facts, ContextWindow, m.ContextWindow?.ToString(CultureInfo.InvariantCulture));
        Add(facts, MaxInputTokens, m.MaxInputTokens?.ToString(CultureInfo.InvariantCulture));
        Add(facts, MaxOutputTokens, m.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture));
        Add(facts, InputModalities, m.InputModalities is { Count: > 0 } i ? string.Join(',', i) : null);
        Add(facts, OutputModalities, m.OutputModalities is { Count: > 0 } o ? string.Join(',', o) : null);
        Add(facts, Reasoning, Format(m.Reasoning));
        Add(facts, ToolCalling, Format(m.ToolCalling));
        Add(facts, Status, m.Status?.ToString());
        Add(facts, DeprecatedOn, Format(m.DeprecatedOn));
        Add(facts, RetiredOn, Format(m.RetiredOn));
        return facts;
    }

    /// <summary>A date as stored: <c>yyyy-MM-dd</c>.</summary>
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Format(bool? value) => value is null ? null : value.Value ? "true" : "false";

    private static void Add(List<ModelFact> facts, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new ModelFact(field, value.Trim()));
        }
    }
}

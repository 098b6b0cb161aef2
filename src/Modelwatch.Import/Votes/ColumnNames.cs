namespace Modelwatch.Import.Votes;

/// <summary>
/// The column names vote files use and what each one feeds. Names match case-insensitively. Anything not listed
/// is a category-tag candidate, kept as a tag while all its values are booleans.
/// </summary>
internal static class ColumnNames
{
    private static readonly Dictionary<string, ColumnRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["model_a"] = ColumnRole.ModelA,
        ["model_b"] = ColumnRole.ModelB,
        ["left"] = ColumnRole.LeftModel,
        ["right"] = ColumnRole.RightModel,
        ["winner"] = ColumnRole.Winner,
        ["judge"] = ColumnRole.Judge,
        ["tstamp"] = ColumnRole.TimestampSeconds,
        ["timestamp"] = ColumnRole.Timestamp,
        ["anony"] = ColumnRole.Anonymous,
        ["language"] = ColumnRole.Language,
        ["turn"] = ColumnRole.Turn,
        ["dedup_sampled"] = ColumnRole.DedupSampled,
        ["sum_assistant_a_tokens"] = ColumnRole.TokensA,
        ["sum_assistant_b_tokens"] = ColumnRole.TokensB,
        ["header_count_a"] = ColumnRole.HeadersA,
        ["header_count_b"] = ColumnRole.HeadersB,
        ["list_count_a"] = ColumnRole.ListsA,
        ["list_count_b"] = ColumnRole.ListsB,
        ["bold_count_a"] = ColumnRole.BoldA,
        ["bold_count_b"] = ColumnRole.BoldB,
        ["category_tag"] = ColumnRole.CategoryTagObject,
        ["conv_metadata"] = ColumnRole.ConvMetadataObject,
        ["dedup_tag"] = ColumnRole.DedupTagObject,
    };

    /// <summary>Columns that are never tags even when they happen to hold only 0 and 1 (ids, texts, other people's numbering).</summary>
    private static readonly HashSet<string> NeverTags = new(StringComparer.OrdinalIgnoreCase)
    {
        string.Empty,
        "row",
        "id",
        "index",
        "unnamed: 0",
        "question_id",
        "prompt",
        "model_x",
        "model_y",
        "worker",
        "voter",
        "user",
        "conversation_a",
        "conversation_b",
        "full_conversation",
        "evaluation_session_id",
        "evaluation_order",
    };

    /// <summary>The names accepted for the first model, second model and winner, for messages.</summary>
    public const string RequiredColumnsText = "model_a and model_b (or left and right), and winner";

    public static ColumnRole Classify(string name)
    {
        name = name.Trim();
        if (Roles.TryGetValue(name, out var role))
        {
            return role;
        }

        return NeverTags.Contains(name) ? ColumnRole.Ignore : ColumnRole.TagCandidate;
    }

    /// <summary>
    /// Resolves left/right against model_a/model_b: left/right name the models only in files without model_a /
    /// model_b (LLMFAO), and are ignored beside them.
    /// </summary>
    public static ColumnRole ResolveModelColumn(ColumnRole role, bool hasModelAColumns) => role switch
    {
        ColumnRole.LeftModel => hasModelAColumns ? ColumnRole.Ignore : ColumnRole.ModelA,
        ColumnRole.RightModel => hasModelAColumns ? ColumnRole.Ignore : ColumnRole.ModelB,
        _ => role,
    };
}

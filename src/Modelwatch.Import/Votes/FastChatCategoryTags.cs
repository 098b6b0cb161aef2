namespace Modelwatch.Import.Votes;

/// <summary>
/// Which flags of FastChat's nested <c>category_tag</c> become tags, and under what names: the seven
/// <c>criteria_v0.1</c> flags (hard prompts), <c>if_v0.1.if</c>, <c>math_v0.1.math</c> and
/// <c>creative_writing_v0.1.creative_writing</c>. The flat 140k CSV uses the same names, so both spellings of
/// a dataset give the same tags. Scores and unknown groups are left out rather than guessed at.
/// </summary>
internal static class FastChatCategoryTags
{
    public static IReadOnlyList<string> Criteria { get; } =
        ["specificity", "domain_knowledge", "complexity", "problem_solving", "creativity", "technical_accuracy", "real_world"];

    /// <summary>The tag name for <c>category_tag.{group}.{key}</c>, or null when that flag is not a tag.</summary>
    public static string? TagName(string group, string key) => group switch
    {
        "criteria_v0.1" => Criteria.FirstOrDefault(c => string.Equals(c, key, StringComparison.Ordinal)),
        "if_v0.1" when key == "if" => "if",
        "math_v0.1" when key == "math" => "math",
        "creative_writing_v0.1" when key == "creative_writing" => "creative_writing",
        _ => null,
    };
}

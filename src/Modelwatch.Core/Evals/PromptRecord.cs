namespace Modelwatch.Core.Evals;

/// <summary>
/// One prompt as a file or a person gives it: its key within the set (the file's id, else its line number), the text,
/// an optional reference answer for the judge, and lower-case tags for per-tag boards.
/// </summary>
public sealed record PromptRecord(string Key, string Text, string? Reference, IReadOnlyList<string> Tags)
{
    /// <summary>Tags as stored: trimmed, lower-case (invariant), empty ones dropped, each once, in first-seen order.</summary>
    public static IReadOnlyList<string> NormaliseTags(IEnumerable<string?> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var t = tag?.Trim().ToLowerInvariant();
            if (!string.IsNullOrEmpty(t) && seen.Add(t))
            {
                result.Add(t);
            }
        }

        return result;
    }
}

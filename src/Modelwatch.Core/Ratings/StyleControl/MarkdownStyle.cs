using System.Text.RegularExpressions;

namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Counts the markdown elements style control uses, as FastChat's <c>count_markdown_elements</c> does: fenced code
/// blocks removed first (FastChat's pattern <c>```[^`]*```</c>, so a block containing a backtick stays), then
/// headers <c>^#{1,6}\s</c>, list items <c>^\s*\d+\.\s</c> and <c>^\s*[-*+]\s</c>, bold <c>\*\*[^*\n]+\*\*</c> and
/// <c>__[^_\n]+__</c>, line anchors multiline. As in Python, <c>\s</c> also matches a line break, so a list item
/// preceded by blank lines is still one match.
/// </summary>
public static partial class MarkdownStyle
{
    public static (int Headers, int Lists, int Bold) Count(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = CodeFence().Replace(markdown, string.Empty);
        var headers = Header().Count(text);
        var lists = OrderedItem().Count(text) + UnorderedItem().Count(text);
        var bold = BoldStars().Count(text) + BoldUnderscores().Count(text);
        return (headers, lists, bold);
    }

    [GeneratedRegex("```[^`]*```")]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"^#{1,6}\s", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*\d+\.\s", RegexOptions.Multiline)]
    private static partial Regex OrderedItem();

    [GeneratedRegex(@"^\s*[-*+]\s", RegexOptions.Multiline)]
    private static partial Regex UnorderedItem();

    [GeneratedRegex(@"\*\*[^*\n]+\*\*")]
    private static partial Regex BoldStars();

    [GeneratedRegex("__[^_\n]+__")]
    private static partial Regex BoldUnderscores();
}

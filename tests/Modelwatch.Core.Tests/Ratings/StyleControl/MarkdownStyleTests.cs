using Modelwatch.Core.Ratings.StyleControl;

namespace Modelwatch.Core.Tests.Ratings.StyleControl;

public class MarkdownStyleTests
{
    [Fact]
    public void Headers_lists_and_bold_are_counted_outside_code_fences()
    {
        const string Markdown = """
            # Title
            Some **bold** text and __more bold__ here.
            ## Section
            ###### Deep header
            ####### seven hashes is not a header
            #not a header (no space)

            1. first
            2. second
              10. nested ordered
            - dash
            * star
            + plus
            -not a list item

            ```python
            # a comment, not a header
            1. not a list
            - not a list
            x = a ** 2 ** 3  # **not bold**
            ```
            After the fence: **bold again** and **unclosed
            """;

        var (headers, lists, bold) = MarkdownStyle.Count(Markdown);

        Assert.Equal(3, headers);
        Assert.Equal(6, lists);
        Assert.Equal(3, bold);
    }

    [Fact]
    public void Bold_does_not_span_lines_and_needs_content()
    {
        var (_, _, bold) = MarkdownStyle.Count("**a\nb**\n****\n__x__\n__\n__");

        Assert.Equal(1, bold);
    }

    [Fact]
    public void A_fence_containing_a_backtick_is_not_removed_as_in_fastchat()
    {
        // FastChat removes ```[^`]*```; a block with `inline` code inside survives, and its lines are counted.
        const string Markdown = "```\n# inside `x`\n```\n";

        var (headers, _, _) = MarkdownStyle.Count(Markdown);

        Assert.Equal(1, headers);
    }

    [Fact]
    public void Plain_text_has_no_style_elements()
    {
        Assert.Equal((0, 0, 0), MarkdownStyle.Count("Just a sentence. 3.14 is pi; a - b is a difference."));
        Assert.Equal((0, 0, 0), MarkdownStyle.Count(""));
    }
}

using System.Text;

namespace Modelwatch.Core.News.Digest;

/// <summary>
/// A digest as Markdown: the title, the header counts, the recap (as stored: a person may have edited it), then one
/// section per theme whose bullets end with their links. Link texts and titles are escaped so that a title with
/// brackets or asterisks cannot break a link.
/// </summary>
public static class DigestMarkdown
{
    /// <summary>The recap's claims as a Markdown list, each ending in its links.</summary>
    public static string Recap(IReadOnlyList<RecapClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var text = new StringBuilder();
        foreach (var claim in claims)
        {
            text.Append("- ").Append(Escape(claim.Text)).Append(' ').Append(Links(claim.Links)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The whole digest; <paramref name="recap"/> replaces the composed recap (the edited one).</summary>
    public static string Write(DigestDocument digest, string? recap = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var labels = DigestLabels.For(digest.Language);
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(digest.Title)).Append("\n\n");
        text.Append(labels.Header(digest.Counts)).Append(' ').Append(Escape(labels.SummarizedBy(digest.SummarizedBy))).Append("\n\n");
        var recapText = (recap ?? digest.Recap).Trim();
        if (recapText.Length > 0)
        {
            text.Append("## ").Append(labels.RecapHeading).Append("\n\n").Append(recapText).Append("\n\n");
        }

        foreach (var section in digest.Sections)
        {
            text.Append("## ").Append(labels.Section(section.Theme)).Append("\n\n");
            foreach (var bullet in section.Bullets)
            {
                text.Append("- **").Append(Escape(bullet.Title)).Append("**");
                if (bullet.OriginalTitle is not null)
                {
                    text.Append(" (").Append(Escape(bullet.OriginalTitle)).Append(')');
                }

                if (bullet.Summary.Length > 0)
                {
                    text.Append(": ").Append(Escape(bullet.Summary));
                }

                text.Append(' ').Append(Links(bullet.Links)).Append('\n');
            }

            if (section.More > 0)
            {
                text.Append("- ").Append(labels.More(section.More)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string Links(IReadOnlyList<DigestLink> links) =>
        string.Join(" · ", links.Select(l => $"[{Escape(l.Source)}](<{l.Url.Replace(">", "%3E", StringComparison.Ordinal)}>)"));

    /// <summary>Backslash-escapes Markdown's punctuation; line breaks become spaces (a bullet is one line).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}

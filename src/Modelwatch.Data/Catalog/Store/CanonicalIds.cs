using System.Text;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>The canonical id a source that may create models gives a model nothing matched: <c>&lt;lab&gt;/&lt;normalised id&gt;</c>.</summary>
public static class CanonicalIds
{
    /// <summary>
    /// <c>&lt;lab&gt;/&lt;id&gt;</c>, lower case. The lab is <paramref name="lab"/>, else <paramref name="organisation"/>,
    /// else the external id's own prefix (<c>meta-llama/…</c>), else <c>unknown</c>. The model part is the external id
    /// after its last <c>/</c>, lower case, with anything but letters, digits, <c>.</c> and <c>-</c> turned into <c>-</c>.
    /// </summary>
    public static string For(string externalId, string? lab, string? organisation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        var slash = externalId.LastIndexOf('/');
        var prefix = slash > 0 ? externalId[..slash] : null;
        var labSlug = Slug(lab) ?? Slug(organisation) ?? Slug(prefix) ?? "unknown";
        var model = Slug(externalId[(slash + 1)..]) ?? Slug(externalId)!;
        return $"{labSlug}/{model}";
    }

    /// <summary>The lab part of a canonical id.</summary>
    public static string LabOf(string canonicalId)
    {
        ArgumentNullException.ThrowIfNull(canonicalId);
        var slash = canonicalId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? canonicalId[..slash] : canonicalId;
    }

    /// <summary>Lower case; runs of other characters become one <c>-</c>; null when nothing is left.</summary>
    internal static string? Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-', '.');
        return result.Length == 0 ? null : result;
    }
}

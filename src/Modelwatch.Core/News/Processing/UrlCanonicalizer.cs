using System.Text;
using System.Text.RegularExpressions;

namespace Modelwatch.Core.News.Processing;

/// <summary>
/// The address an article is known by, whatever feed linked to it (news.md, de-duplication step 1): tracking
/// parameters stripped, host lower-cased without <c>www.</c>, default port, fragment and trailing slash dropped,
/// arXiv abs/pdf/html links with any <c>vN</c> made <c>arxiv.org/abs/&lt;id&gt;</c>, and redirect wrappers
/// (<c>l.facebook.com/l.php?u=</c>, <c>google.com/url?q=</c>, <c>out.reddit.com/?url=</c>) unwrapped. Hacker News items
/// are unwrapped by the feed reader, which gives the outbound link.
/// </summary>
/// <remarks>
/// The scheme is always written <c>https</c>: feeds of the same site disagree on http/https, and no site serves
/// different articles on the two. The result is <c>https://host[:port]/path[?query]</c>, with the remaining query
/// parameters sorted so their order does not matter; it is a key, and still an address a browser can open.
/// </remarks>
public static partial class UrlCanonicalizer
{
    /// <summary>Parameters that only say where a click came from (exact names, compared case-insensitively).</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_hsenc",
        "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "source", "src", "cmpid", "ncid", "ocid", "sr_share",
        "spm", "vero_id", "wickedid", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "si", "guccounter",
        "guce_referrer", "guce_referrer_sig", "trk", "trkcampaign", "_ga", "_gl", "hsctatracking", "feature",
    };

    /// <summary>Prefixes of tracking-parameter families (<c>utm_source</c>, <c>mtm_campaign</c>, <c>pk_kwd</c>, …).</summary>
    private static readonly string[] TrackingPrefixes = ["utm_", "mtm_", "pk_", "matomo_", "hsa_", "itm_", "at_"];

    /// <summary>Hosts whose only job is to redirect, with the parameter holding the real address.</summary>
    private static readonly Dictionary<string, string> Redirectors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["l.facebook.com"] = "u",
        ["lm.facebook.com"] = "u",
        ["out.reddit.com"] = "url",
        ["google.com"] = "q",
        ["l.messenger.com"] = "u",
        ["href.li"] = "",
    };

    /// <summary>Canonical form of <paramref name="url"/> (an absolute http or https address).</summary>
    /// <exception cref="ArgumentException">The address is relative or not http(s).</exception>
    public static string Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Only absolute http(s) addresses have a canonical form; got '{url.OriginalString}'.", nameof(url));
        }

        var unwrapped = Unwrap(url);
        if (unwrapped is not null)
        {
            return Canonicalize(unwrapped);
        }

        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4)
        {
            host = host[4..];
        }

        var path = url.AbsolutePath;
        var arxivId = ArxivId(host, path);
        if (arxivId is not null)
        {
            return "https://arxiv.org/abs/" + arxivId;
        }

        var text = new StringBuilder(host.Length + path.Length + 24).Append("https://").Append(host);
        if (!url.IsDefaultPort)
        {
            text.Append(':').Append(url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        path = path.TrimEnd('/');
        text.Append(path);
        var query = CleanQuery(url.Query);
        if (query.Length > 0)
        {
            text.Append('?').Append(query);
        }

        return text.ToString();
    }

    /// <summary>True when the parameter only says where a click came from.</summary>
    public static bool IsTrackingParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TrackingParameters.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri? Unwrap(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (!Redirectors.TryGetValue(host, out var parameter))
        {
            return null;
        }

        if (parameter.Length == 0)
        {
            // href.li/?https://target: the whole query is the address.
            var rest = url.Query.TrimStart('?');
            return Uri.TryCreate(Uri.UnescapeDataString(rest), UriKind.Absolute, out var whole) ? whole : null;
        }

        if (host == "google.com" && url.AbsolutePath != "/url")
        {
            return null;
        }

        foreach (var (name, value) in QueryPairs(url.Query))
        {
            if ((name == parameter || (host == "google.com" && name == "url"))
                && Uri.TryCreate(Uri.UnescapeDataString(value.Replace('+', ' ')), UriKind.Absolute, out var target)
                && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps))
            {
                return target;
            }
        }

        return null;
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<string>();
        foreach (var (name, value) in QueryPairs(query))
        {
            if (name.Length == 0 || IsTrackingParameter(Uri.UnescapeDataString(name)))
            {
                continue;
            }

            kept.Add(value.Length == 0 ? name : name + "=" + value);
        }

        kept.Sort(StringComparer.Ordinal);
        return string.Join('&', kept);
    }

    private static IEnumerable<(string Name, string Value)> QueryPairs(string query)
    {
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            yield return eq < 0 ? (part, "") : (part[..eq], part[(eq + 1)..]);
        }
    }

    /// <summary>The arXiv identifier without version, for arxiv.org abs/pdf/html (and export.arxiv.org) links.</summary>
    private static string? ArxivId(string host, string path)
    {
        if (host is not ("arxiv.org" or "export.arxiv.org"))
        {
            return null;
        }

        var match = ArxivPath().Match(path);
        return match.Success ? match.Groups["id"].Value : null;
    }

    // New-style ids (2401.01234) and old-style (hep-th/9901001, cs.CL/0101001); "v3" and ".pdf" dropped.
    [GeneratedRegex(@"^/(?:abs|pdf|html|format)/(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPath();
}

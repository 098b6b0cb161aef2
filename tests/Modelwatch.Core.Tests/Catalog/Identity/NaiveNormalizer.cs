using System.Text.RegularExpressions;

namespace Modelwatch.Core.Tests.Catalog.Identity;

/// <summary>
/// The naive normaliser of <c>shared/docs/catalog-sources.md</c> ("lower-case, strip provider prefix, region,
/// <c>:free</c>, date suffix, <c>.</c>→<c>-</c>"), as the baseline identity matching must beat. An arena key links
/// when its normal form equals the normal form of any candidate id.
/// </summary>
/// <remarks>
/// Spelled out: lower-case; keep what follows the last <c>/</c>; drop a leading <c>us.</c>, <c>eu.</c> or
/// <c>apac.</c>; drop a trailing <c>:free</c>; drop a trailing <c>-YYYYMMDD</c> or <c>-YYYY-MM-DD</c>; replace every
/// <c>.</c> with <c>-</c>. On the fixtures this gives exactly the documented 136 LiteLLM links; for models.dev it
/// gives 132, and the documented 130 when models.dev's ids are compared as written (not lower-cased), which loses
/// <c>ling-flash-2.0</c> and <c>ring-flash-2.0</c> (models.dev spells them <c>inclusionAI/Ling-flash-2.0</c>).
/// </remarks>
internal static partial class NaiveNormalizer
{
    public static string Normalize(string id, bool lowerCase = true)
    {
        var s = lowerCase ? id.ToLowerInvariant() : id;
        s = s[(s.LastIndexOf('/') + 1)..];
        s = Region().Replace(s, "");
        s = Free().Replace(s, "");
        s = Date().Replace(s, "");
        return s.Replace('.', '-');
    }

    /// <summary>How many <paramref name="keys"/> have a candidate with the same normal form.</summary>
    /// <param name="keys">Arena keys (always lower-cased).</param>
    /// <param name="candidates">The other source's ids.</param>
    /// <param name="lowerCaseCandidates">False compares the candidates as written.</param>
    public static IReadOnlyList<string> Linked(IEnumerable<string> keys, IEnumerable<string> candidates, bool lowerCaseCandidates = true)
    {
        var forms = candidates.Select(c => Normalize(c, lowerCaseCandidates)).ToHashSet(StringComparer.Ordinal);
        return keys.Where(k => forms.Contains(Normalize(k))).ToList();
    }

    [GeneratedRegex(@"^(us|eu|apac)\.")]
    private static partial Regex Region();

    [GeneratedRegex(":free$")]
    private static partial Regex Free();

    [GeneratedRegex(@"-(\d{8}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Date();
}

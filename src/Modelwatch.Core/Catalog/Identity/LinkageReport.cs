using System.Globalization;

namespace Modelwatch.Core.Catalog.Identity;

/// <summary>One id of the measured source and what the matcher made of it.</summary>
public sealed record LinkageRow(string ExternalId, IdentityMatch Match);

/// <summary>
/// How many of one source's ids link to a target catalog (the issue's measure: LMArena's 282 <c>full</c> keys
/// against models.dev and against LiteLLM), by how they linked, and how many wait for review.
/// </summary>
public sealed class LinkageReport
{
    private LinkageReport(string source, string target, IReadOnlyList<LinkageRow> rows)
    {
        Source = source;
        Target = target;
        Rows = rows;
    }

    public string Source { get; }

    public string Target { get; }

    /// <summary>One row per id, in the order measured.</summary>
    public IReadOnlyList<LinkageRow> Rows { get; }

    public int Total => Rows.Count;

    /// <summary>Ids linked to a model (every kind but candidate and unmatched).</summary>
    public int Linked => Rows.Count(r => r.Match.IsLinked);

    /// <summary>Ids sent to the review queue.</summary>
    public int Candidates => Count(MatchKind.Candidate);

    public int Unmatched => Rows.Count(r => !r.Match.IsLinked && r.Match.Kind != MatchKind.Candidate);

    public int Count(MatchKind kind) => Rows.Count(r => r.Match.Kind == kind);

    /// <summary>Matches every id of <paramref name="source"/> with <paramref name="matcher"/>.</summary>
    /// <param name="source">The measured source (<c>lmarena</c>).</param>
    /// <param name="target">What the matcher's index holds, for the summary (<c>models.dev</c>).</param>
    /// <param name="ids">The ids to link.</param>
    /// <param name="matcher">The matcher under measurement.</param>
    /// <param name="hints">What the source says besides the id (its organisation), per id; none when null.</param>
    public static LinkageReport Measure(string source, string target, IEnumerable<string> ids, IModelMatcher matcher, Func<string, MatchHints>? hints = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(matcher);
        var rows = ids.Select(id => new LinkageRow(id, matcher.Match(source, id, hints?.Invoke(id) ?? MatchHints.None))).ToList();
        return new LinkageReport(source, target, rows);
    }

    /// <summary>One line: <c>lmarena → models.dev: 190 of 282 linked (exact 40, normalised 150), 30 to review, 62 unmatched</c>.</summary>
    public string Summary()
    {
        var kinds = new[] { MatchKind.Override, MatchKind.Exact, MatchKind.Canonical, MatchKind.Normalised, MatchKind.Rule, MatchKind.Reviewed }
            .Where(k => Count(k) > 0)
            .Select(k => $"{k.ToString().ToLowerInvariant()} {Count(k).ToString(CultureInfo.InvariantCulture)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Source} → {Target}: {Linked} of {Total} linked ({string.Join(", ", kinds)}), {Candidates} to review, {Unmatched} unmatched");
    }
}

using Modelwatch.Core.Catalog;
using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>The filters and sort of the leaderboard page and <c>GET /api/leaderboard</c> (the same query string).</summary>
public sealed record LeaderboardFilter
{
    /// <summary>Only models whose weights can be downloaded.</summary>
    public bool OpenWeights { get; init; }

    /// <summary>Only this licence class.</summary>
    public LicenceClass? Licence { get; init; }

    /// <summary>Only this organisation (as the catalog names it, case-insensitive).</summary>
    public string? Organisation { get; init; }

    /// <summary>Part of the model's vote name, catalog name or organisation (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>rating (default: the engine's order, as the CLI prints it), rank, votes, name, organisation, context, price.</summary>
    public string Sort { get; init; } = "rating";

    /// <summary>Descending instead of the sort's natural order.</summary>
    public bool Descending { get; init; }
}

/// <summary>One row: the engine's entry and, when the name links to the catalog, the model's card.</summary>
public sealed record LeaderboardRow(LeaderboardEntry Entry, ModelCard? Model);

/// <summary>Rows of a computed board after the filter; the page and the API both build this.</summary>
public sealed record LeaderboardView(ComputedBoard Board, IReadOnlyList<LeaderboardRow> Rows, int TotalModels)
{
    /// <summary>Joins the board's entries with catalog cards and applies <paramref name="filter"/>.</summary>
    public static LeaderboardView Build(ComputedBoard board, IReadOnlyDictionary<string, ModelCard> cards, LeaderboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<LeaderboardRow> rows = board.Report.Entries.Select(e => new LeaderboardRow(e, cards.GetValueOrDefault(e.Model)));
        if (filter.OpenWeights)
        {
            rows = rows.Where(r => r.Model?.OpenWeights == true);
        }

        if (filter.Licence is { } licence)
        {
            rows = rows.Where(r => (r.Model?.Licence ?? LicenceClass.Unknown) == licence);
        }

        if (!string.IsNullOrWhiteSpace(filter.Organisation))
        {
            rows = rows.Where(r => string.Equals(r.Model?.Organisation, filter.Organisation, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            rows = rows.Where(r => r.Entry.Model.Contains(s, StringComparison.OrdinalIgnoreCase)
                || (r.Model?.Name.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false)
                || (r.Model?.Organisation?.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        rows = Sorted(rows, filter);
        return new LeaderboardView(board, [.. rows], board.Report.Entries.Count);
    }

    private static IEnumerable<LeaderboardRow> Sorted(IEnumerable<LeaderboardRow> rows, LeaderboardFilter filter)
    {
        IOrderedEnumerable<LeaderboardRow> ordered = filter.Sort switch
        {
            "rank" => rows.OrderBy(r => r.Entry.Rank),
            "votes" => rows.OrderByDescending(r => r.Entry.Votes),
            "name" => rows.OrderBy(r => r.Model?.Name ?? r.Entry.Model, StringComparer.OrdinalIgnoreCase),
            "organisation" => rows.OrderBy(r => r.Model?.Organisation ?? "\uffff", StringComparer.OrdinalIgnoreCase),
            "context" => rows.OrderByDescending(r => r.Model?.ContextWindow ?? -1),
            "price" => rows.OrderBy(r => r.Model?.InputPerMillion ?? decimal.MaxValue),
            _ => rows.OrderByDescending(r => r.Entry.Rating),
        };
        ordered = ordered.ThenByDescending(r => r.Entry.Rating);
        return filter.Descending ? ordered.Reverse() : ordered;
    }
}

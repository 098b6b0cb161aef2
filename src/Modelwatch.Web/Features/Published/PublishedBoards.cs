using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Published;

/// <summary>A category of LMArena's published text board: when it was published and how many models it rates.</summary>
public sealed record PublishedCategory(string Category, DateOnly PublishedOn, int Models);

/// <summary>One published model beside our rating of the same model, when our board has it.</summary>
/// <param name="Model">LMArena's key for the model.</param>
/// <param name="ModelId">The catalog model it links to, if any.</param>
/// <param name="PublishedRating">LMArena's rating.</param>
/// <param name="PublishedLower">The lower end of its 95% interval.</param>
/// <param name="PublishedUpper">The upper end.</param>
/// <param name="PublishedRank">LMArena's rank (1 + models whose lower bound is above this upper bound).</param>
/// <param name="OurModel">The vote name our board rates it under (the same key, or another key of the same catalog model).</param>
/// <param name="OurRating">Our rating from the votes.</param>
/// <param name="OurRank">Our rank.</param>
/// <param name="Difference">Our rating minus the published one.</param>
public sealed record PublishedComparisonRow(
    string Model,
    string? ModelId,
    double PublishedRating,
    double? PublishedLower,
    double? PublishedUpper,
    int? PublishedRank,
    string? OurModel,
    double? OurRating,
    int? OurRank,
    double? Difference);

/// <summary>A published category beside our board of the same category (null when our votes lack the category).</summary>
public sealed record PublishedComparison(PublishedCategory Category, IReadOnlyList<PublishedCategory> Categories, ComputedBoard? Ours, IReadOnlyList<PublishedComparisonRow> Rows);

/// <summary>The category the published board does not have.</summary>
public sealed class PublishedNotFoundException(string message) : Exception(message);

/// <summary>
/// LMArena's published leaderboard as the catalog import stored it (<see cref="PublishedRatingRow"/>, board
/// <c>lmarena-text</c>, one set per category and publish date), joined to our board computed from the votes, so a
/// reader sees where our numbers and the published ones differ. Published rows carry arena keys, the same names votes
/// carry; a key our votes lack is joined through the catalog model both link to.
/// </summary>
public sealed class PublishedBoards(IDbContextFactory<ModelwatchDbContext> contexts, LeaderboardService boards, ArenaModelLinks links)
{
    /// <summary>The board the LMArena importer writes the text leaderboard to.</summary>
    public const string Board = "lmarena-text";

    /// <summary>Every published category with its latest publish date, by name.</summary>
    public async Task<IReadOnlyList<PublishedCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Set<PublishedRatingRow>().AsNoTracking()
                .Where(r => r.Board == Board)
                .GroupBy(r => new { r.Category, r.PublishedOn })
                .Select(g => new { g.Key.Category, g.Key.PublishedOn, Count = g.Count() })
                .ToListAsync(ct).ConfigureAwait(false);
            return [.. rows.GroupBy(r => r.Category, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(r => r.PublishedOn).First())
                .Select(r => new PublishedCategory(r.Category, r.PublishedOn, r.Count))
                .OrderBy(c => c.Category == "full" ? 0 : 1).ThenBy(c => c.Category, StringComparer.Ordinal)];
        }
    }

    /// <summary>The latest published board of <paramref name="category"/> beside ours; null when nothing is published.</summary>
    /// <exception cref="PublishedNotFoundException">Published boards exist but not for this category.</exception>
    public async Task<PublishedComparison?> GetAsync(string? category, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct).ConfigureAwait(false);
        if (categories.Count == 0)
        {
            return null;
        }

        var chosen = category is null
            ? categories[0]
            : categories.FirstOrDefault(c => string.Equals(c.Category, category, StringComparison.Ordinal))
              ?? throw new PublishedNotFoundException($"LMArena's published board has no category '{category}'. Categories: {string.Join(", ", categories.Select(c => c.Category))}.");

        List<PublishedRatingRow> published;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            published = await db.Set<PublishedRatingRow>().AsNoTracking()
                .Where(r => r.Board == Board && r.Category == chosen.Category && r.PublishedOn == chosen.PublishedOn)
                .ToListAsync(ct).ConfigureAwait(false);
        }

        ComputedBoard? ours = null;
        try
        {
            ours = await boards.GetAsync(new BoardQuery(Category: chosen.Category), ct).ConfigureAwait(false);
        }
        catch (BoardNotFoundException)
        {
            // Our votes do not have this category: the published board is shown alone.
        }

        var ourByName = ours?.Report.Entries.ToDictionary(e => e.Model, StringComparer.Ordinal) ?? [];
        var ourByModel = new Dictionary<string, Core.Leaderboards.LeaderboardEntry>(StringComparer.Ordinal);
        if (ours is not null)
        {
            var cards = await links.ForVoteNamesAsync([.. ourByName.Keys], ct).ConfigureAwait(false);
            foreach (var entry in ours.Report.Entries.OrderByDescending(e => e.Votes))
            {
                if (cards.TryGetValue(entry.Model, out var card))
                {
                    ourByModel.TryAdd(card.ModelId, entry);
                }
            }
        }

        var rows = published
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Rating).ThenBy(r => r.ExternalId, StringComparer.Ordinal)
            .Select(r =>
            {
                var mine = ourByName.GetValueOrDefault(r.ExternalId) ?? (r.ModelId is null ? null : ourByModel.GetValueOrDefault(r.ModelId));
                return new PublishedComparisonRow(r.ExternalId, r.ModelId, r.Rating, r.Lower, r.Upper, r.Rank, mine?.Model, mine?.Rating, mine?.Rank, mine is null ? null : mine.Rating - r.Rating);
            })
            .ToList();
        return new PublishedComparison(chosen, categories, ours, rows);
    }
}

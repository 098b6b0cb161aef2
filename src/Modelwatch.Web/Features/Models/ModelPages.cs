using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Models;

/// <summary>
/// What the catalog pages and their API show, built in one place so the page and the JSON cannot disagree: the list
/// (through <see cref="CatalogQueries.ListAsync"/>), one model with the provenance of every fact
/// (<see cref="CatalogQueries.ShowAsync"/>) and the model's ratings on our own boards from the votes.
/// </summary>
public sealed class ModelPages(ModelwatchDbContext db, LeaderboardService boards, ArenaModelLinks links)
{
    /// <summary>One page of the catalog, filtered; models in id order.</summary>
    public async Task<ModelListPage> ListAsync(ModelListQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new ModelFilter
        {
            OpenWeights = query.OpenWeights,
            Licence = query.Licence,
            Lab = string.IsNullOrWhiteSpace(query.Lab) ? null : query.Lab.Trim(),
            MinContext = query.MinContext,
            Search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim(),
        };
        var all = await new CatalogQueries(db).ListAsync(filter, ct).ConfigureAwait(false);
        // Ordinal order in memory: the databases' collations differ, the list must not.
        var rows = all.OrderBy(m => m.Id, StringComparer.Ordinal).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new ModelListRow(m.Id, m.DisplayName ?? m.Id, m.Lab, m.Licence, m.LicenceId, m.ContextWindow, m.MaxOutputTokens, m.TotalParameters, m.ReleaseDate))
            .ToList();
        return new ModelListPage(page, pageSize, all.Count, rows);
    }

    /// <summary>Every lab in the catalog, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> LabsAsync(CancellationToken ct = default) =>
        await db.Models.AsNoTracking().Select(m => m.Lab).Distinct().OrderBy(l => l).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>Every model's id and name, for the compare page's list to pick from.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> NamesAsync(CancellationToken ct = default)
    {
        var rows = await db.Models.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.DisplayName ?? r.Id))];
    }

    /// <summary>The model page of a canonical id (or a name a source uses for it); null when the catalog has no such model.</summary>
    public async Task<ModelPageData?> ShowAsync(string idOrName, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return null;
        }

        var details = await new CatalogQueries(db).ShowAsync(idOrName, matcher: null, ct).ConfigureAwait(false);
        if (details is null)
        {
            return null;
        }

        var m = details.Model;
        var header = Header(m);
        return new ModelPageData(
            header,
            [.. details.Facts.Select(f => new FactClaim(f.Field, f.Value, f.Source, f.ExternalId, f.Winner, f.Conflicts, f.ObservedAt))],
            [.. details.Offerings.Select(o => new OfferingPrices(o.Offering.Provider, o.Offering.ProviderModelId, o.Offering.Source, o.Offering.Variant, o.Offering.ContextWindow, Period(o.Current), [.. o.History.Select(p => Period(p)!)]))],
            await ArenaRatingsAsync(m.Id, ct).ConfigureAwait(false),
            [.. details.PublishedRatings.Select(r => new PublishedRating(r.Board, r.Category, r.PublishedOn, r.ExternalId, r.Rating, r.Lower, r.Upper, r.Votes, r.Rank))],
            [.. details.BenchmarkScores.Select(Score)],
            [.. details.Variants.Select(v => new VariantInfo(v.Name, v.Kind.ToString()))],
            [.. details.Aliases.Select(a => new AliasInfo(a.Source, a.ExternalId, a.Variant, a.Review.ToString()))]);
    }

    /// <summary>The resolved columns of a model as the pages show them.</summary>
    public static ModelHeader Header(CatalogModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new ModelHeader(
            m.Id, m.DisplayName ?? m.Id, m.Lab, m.Organisation, m.Family, m.Licence, m.LicenceId, m.LicenceUrl, m.WeightsUrl,
            m.ContextWindow, m.MaxOutputTokens, m.TotalParameters, m.ActiveParameters, m.ReleaseDate, m.KnowledgeCutoff,
            m.Reasoning, m.ToolCalling, m.Status.ToString());
    }

    /// <summary>A stored score as the pages show it.</summary>
    public static BenchmarkScore Score(BenchmarkScoreRow s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new BenchmarkScore(s.Benchmark, s.Variant, s.Score, s.Metric, s.Source, s.SourceUrl, s.SelfReported, s.AsOf);
    }

    /// <summary>
    /// The model's rating in every category of the most recently imported vote dataset, under each vote name that
    /// links to it (a model can be voted on under several arena keys, e.g. dated snapshots). Empty without votes.
    /// </summary>
    public async Task<IReadOnlyList<ArenaRating>> ArenaRatingsAsync(string modelId, CancellationToken ct = default)
    {
        var names = await links.VoteNamesOfAsync(modelId, ct).ConfigureAwait(false);
        var datasets = await boards.DatasetsAsync(ct).ConfigureAwait(false);
        if (names.Count == 0 || datasets.Count == 0)
        {
            return [];
        }

        var dataset = datasets[0];
        var ratings = new List<ArenaRating>();
        foreach (var category in dataset.Categories)
        {
            ComputedBoard? board;
            try
            {
                board = await boards.GetAsync(new BoardQuery(dataset.Name, category), ct).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                continue; // a category without any vote left: no board to be on
            }

            if (board is null)
            {
                continue;
            }

            foreach (var entry in board.Report.Entries.Where(e => names.Contains(e.Model, StringComparer.Ordinal)))
            {
                ratings.Add(new ArenaRating(dataset.Name, category, entry.Model, entry.Rank, entry.Rating, entry.Lower, entry.Upper, entry.Votes, board.Report.Entries.Count));
            }
        }

        return ratings;
    }

    private static PricePeriod? Period(PriceView? p) =>
        p is null ? null : new PricePeriod(p.EffectiveFrom, p.EffectiveTo, p.Input, p.Output, p.CacheRead, p.CacheWrite);
}

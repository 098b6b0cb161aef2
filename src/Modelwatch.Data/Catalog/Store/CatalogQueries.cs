using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>Read-only questions about the catalog: list with filters, show one model with provenance, resolve a name.</summary>
public sealed class CatalogQueries(ModelwatchDbContext db)
{
    public async Task<IReadOnlyList<ModelSummary>> ListAsync(ModelFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Models.AsNoTracking();
        if (filter.OpenWeights)
        {
            query = query.Where(m => m.Licence == LicenceClass.OpenWeights || m.Licence == LicenceClass.OpenSource);
        }

        if (filter.MinContext is { } min)
        {
            query = query.Where(m => m.ContextWindow >= min);
        }

        if (filter.Licence is { } licence)
        {
            query = query.Where(m => m.Licence == licence);
        }

        if (filter.Lab is { } lab)
        {
            var l = lab.ToLowerInvariant();
            query = query.Where(m => m.Lab == l);
        }

        var rows = await query.OrderBy(m => m.Id)
            .Select(m => new ModelSummary(m.Id, m.DisplayName, m.Lab, m.Licence, m.LicenceId, m.ContextWindow, m.MaxOutputTokens, m.TotalParameters, m.ReleaseDate, m.CreatedBySource))
            .ToListAsync(ct).ConfigureAwait(false);

        // The list is at most a few thousand models; matching text here behaves the same on both databases.
        return filter.Search is { Length: > 0 } text
            ? rows.Where(m => m.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || (m.DisplayName?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)).ToList()
            : rows;
    }

    /// <summary>
    /// A name to a canonical model: a canonical id, then an alias any source uses (letter for letter), then the matcher
    /// (normalisation, rules). Null when none is sure.
    /// </summary>
    /// <param name="name">What the user typed.</param>
    /// <param name="matcher">The matcher to ask last; null to use aliases only.</param>
    /// <param name="ct">Cancels the queries.</param>
    public async Task<ResolvedName?> ResolveAsync(string name, IModelMatcher? matcher, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = name.Trim();
        var lower = text.ToLowerInvariant();
        if (await db.Models.AsNoTracking().AnyAsync(m => m.Id == lower, ct).ConfigureAwait(false))
        {
            return new ResolvedName(lower, null, "canonical id");
        }

        var aliases = await db.Aliases.AsNoTracking()
            .Where(a => a.ExternalId == text && a.ModelId != null)
            .OrderBy(a => a.Source)
            .ToListAsync(ct).ConfigureAwait(false);
        var targets = aliases.Select(a => (a.ModelId, a.Variant)).Distinct().ToList();
        if (targets.Count == 1)
        {
            return new ResolvedName(targets[0].ModelId!, targets[0].Variant, $"alias of {string.Join(", ", aliases.Select(a => a.Source))}");
        }

        if (targets.Count == 0 && matcher?.Match(CatalogSources.Overrides, text, MatchHints.None) is { IsLinked: true } match)
        {
            return new ResolvedName(match.ModelId!, match.Variant, match.Explanation);
        }

        return null;
    }

    /// <summary>One model with every fact and its source, conflicts, variants, offerings and prices, scores, ratings and aliases.</summary>
    /// <param name="idOrName">A canonical id or any name <see cref="ResolveAsync"/> resolves.</param>
    /// <param name="matcher">Passed to <see cref="ResolveAsync"/>.</param>
    /// <param name="ct">Cancels the queries.</param>
    public async Task<ModelDetails?> ShowAsync(string idOrName, IModelMatcher? matcher, CancellationToken ct = default)
    {
        if (await ResolveAsync(idOrName, matcher, ct).ConfigureAwait(false) is not { } resolved)
        {
            return null;
        }

        var id = resolved.ModelId;
        var model = await db.Models.AsNoTracking().FirstAsync(m => m.Id == id, ct).ConfigureAwait(false);
        var facts = await db.Facts.AsNoTracking().Where(f => f.ModelId == id).ToListAsync(ct).ConfigureAwait(false);
        var aliases = await db.Aliases.AsNoTracking().Where(a => a.ModelId == id).OrderBy(a => a.Source).ThenBy(a => a.ExternalId).ToListAsync(ct).ConfigureAwait(false);
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Prices).Where(o => o.ModelId == id)
            .OrderBy(o => o.Provider).ThenBy(o => o.ProviderModelId).ThenBy(o => o.Source).ToListAsync(ct).ConfigureAwait(false);
        return new ModelDetails(model)
        {
            Facts = Shown(facts, aliases),
            Variants = await db.Variants.AsNoTracking().Where(v => v.ModelId == id).OrderBy(v => v.Name).ToListAsync(ct).ConfigureAwait(false),
            Offerings = offerings.Select(View).ToList(),
            BenchmarkScores = await db.BenchmarkScores.AsNoTracking().Where(s => s.ModelId == id)
                .OrderBy(s => s.Benchmark).ThenBy(s => s.Variant).ThenBy(s => s.Source).ToListAsync(ct).ConfigureAwait(false),
            PublishedRatings = await db.PublishedRatings.AsNoTracking().Where(r => r.ModelId == id)
                .OrderBy(r => r.Board).ThenBy(r => r.Category).ThenByDescending(r => r.PublishedOn).ThenBy(r => r.ExternalId).ToListAsync(ct).ConfigureAwait(false),
            Aliases = aliases,
        };
    }

    private static List<ShownFact> Shown(List<ModelFactRow> facts, List<ModelAlias> aliases)
    {
        var variantIds = aliases.Where(a => a.Variant is not null).Select(a => (a.Source, a.ExternalId)).ToHashSet();
        var rows = facts.ToDictionary(f => (f.Field, f.Source, f.ExternalId));
        var shown = new List<ShownFact>();
        foreach (var resolution in ResolvedColumns.Resolve(facts, variantIds))
        {
            var losers = FactPrecedence.OrderFor(resolution.Field);
            var others = facts
                .Where(f => f.Field == resolution.Field && !(f.Source == resolution.Winner.Source && f.ExternalId == resolution.Winner.ExternalId))
                .OrderBy(f => Rank(losers, f.Source)).ThenBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.ExternalId, StringComparer.Ordinal);
            var winner = rows[(resolution.Field, resolution.Winner.Source, resolution.Winner.ExternalId)];
            shown.Add(new ShownFact(winner.Field, winner.Source, winner.ExternalId, winner.Value, true, false, winner.ImportRunId, winner.ObservedAt));
            shown.AddRange(others.Select(f => new ShownFact(f.Field, f.Source, f.ExternalId, f.Value, false, f.Value != winner.Value, f.ImportRunId, f.ObservedAt)));
        }

        return shown;
    }

    private static int Rank(IReadOnlyList<string> order, string source)
    {
        var i = order.ToList().IndexOf(source);
        return i < 0 ? int.MaxValue : i;
    }

    private static OfferingView View(Offering o)
    {
        var history = o.Prices.OrderBy(p => p.EffectiveFrom).Select(PriceView.Of).ToList();
        return new OfferingView(o, history.LastOrDefault(p => p.EffectiveTo is null), history);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>What a leaderboard row shows of a catalog model.</summary>
/// <param name="ModelId">The canonical id (<c>lab/model</c>), for the model page's link.</param>
/// <param name="Name">The display name, else the id.</param>
/// <param name="Organisation">The organisation, else the lab slug.</param>
/// <param name="Licence">Proprietary, open weights, open source or unknown.</param>
/// <param name="LicenceId">The licence's identifier (SPDX where there is one).</param>
/// <param name="ContextWindow">Tokens.</param>
/// <param name="InputPerMillion">The current input price per million tokens of <paramref name="PriceProvider"/>.</param>
/// <param name="OutputPerMillion">The current output price per million tokens.</param>
/// <param name="PriceProvider">Whose price: the lab's own offering when the catalog has one, else the cheapest.</param>
public sealed record ModelCard(
    string ModelId,
    string Name,
    string? Organisation,
    LicenceClass Licence,
    string? LicenceId,
    int? ContextWindow,
    decimal? InputPerMillion,
    decimal? OutputPerMillion,
    string? PriceProvider)
{
    /// <summary>Open weights or open source: the weights can be downloaded.</summary>
    public bool OpenWeights => Licence is LicenceClass.OpenWeights or LicenceClass.OpenSource;
}

/// <summary>
/// Joins the model names votes carry (arena keys such as <c>gpt-4o-2024-05-13</c>) to catalog models through the
/// catalog's aliases — the links the identity matcher made at import (LMArena's own alias first, then any source's
/// alias with the same id). A pending or rejected link is not used: an unsure name shows without catalog facts.
/// </summary>
public sealed class ArenaModelLinks(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    /// <summary>How long the catalog version is trusted before it is read again (changes made by this instance invalidate at once).</summary>
    public static readonly TimeSpan VersionCheckInterval = TimeSpan.FromSeconds(2);

    private long _versionCheckedAt;

    private volatile CardCache? _cache;

    /// <summary>The catalog card of each name that links to a model.</summary>
    /// <param name="names">Model names as votes carry them.</param>
    /// <param name="ct">Cancels the queries.</param>
    public async Task<IReadOnlyDictionary<string, ModelCard>> ForVoteNamesAsync(IReadOnlyCollection<string> names, CancellationToken ct = default) =>
        (await ForVoteNamesVersionedAsync(names, ct).ConfigureAwait(false)).Cards;

    /// <summary>
    /// As <see cref="ForVoteNamesAsync"/>, with the catalog version the cards were read at (for caches of what is
    /// drawn from them). Cards are kept until the catalog changes: a new import run or a reviewed alias, checked at
    /// most every <see cref="VersionCheckInterval"/> (a count over the aliases is most of a request's database time on
    /// PostgreSQL); reading the cards is three queries over aliases, models and prices.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, ModelCard> Cards, string Version)> ForVoteNamesVersionedAsync(IReadOnlyCollection<string> names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var cache = _cache;
            if (cache is null || time.GetElapsedTime(Interlocked.Read(ref _versionCheckedAt)) > VersionCheckInterval)
            {
                var version = await VoteNameLinks.CatalogVersionAsync(db, ct).ConfigureAwait(false);
                if (cache is null || cache.Version != version)
                {
                    cache = new CardCache(version);
                    _cache = cache;
                }

                Interlocked.Exchange(ref _versionCheckedAt, time.GetTimestamp());
            }

            var missing = names.Where(n => !cache.ByName.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
            if (missing.Count > 0)
            {
                var found = await ReadAsync(db, missing, ct).ConfigureAwait(false);
                foreach (var name in missing)
                {
                    cache.ByName[name] = found.GetValueOrDefault(name);
                }
            }

            var cards = new Dictionary<string, ModelCard>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (cache.ByName.TryGetValue(name, out var card) && card is not null)
                {
                    cards[name] = card;
                }
            }

            return (cards, cache.Version);
        }
    }

    /// <summary>Forgets every card (after an import or a review in this instance); other instances notice within <see cref="VersionCheckInterval"/>.</summary>
    public void Invalidate() => _cache = null;

    private static async Task<Dictionary<string, ModelCard>> ReadAsync(ModelwatchDbContext db, HashSet<string> wanted, CancellationToken ct)
    {
        var modelOf = await VoteNameLinks.ModelIdsAsync(db, wanted, ct).ConfigureAwait(false);
        var cards = await CardsAsync(db, modelOf.Values.ToHashSet(StringComparer.Ordinal), ct).ConfigureAwait(false);
        return modelOf.Where(p => cards.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => cards[p.Value], StringComparer.Ordinal);
    }

    /// <summary>Cards by vote name (null: the name links to nothing) at one catalog version.</summary>
    private sealed class CardCache(string version)
    {
        public string Version { get; } = version;

        public ConcurrentDictionary<string, ModelCard?> ByName { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The vote names (arena keys) that link to <paramref name="modelId"/>.</summary>
    /// <param name="modelId">A canonical model id.</param>
    /// <param name="ct">Cancels the query.</param>
    public async Task<IReadOnlyList<string>> VoteNamesOfAsync(string modelId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var names = await db.Set<ModelAlias>().AsNoTracking()
                .Where(a => a.ModelId == modelId && a.Source == CatalogSources.LmArena && (a.Review == ReviewState.Automatic || a.Review == ReviewState.Accepted))
                .Select(a => a.ExternalId).ToListAsync(ct).ConfigureAwait(false);
            return [.. names.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Cards of the given models, with the current price <see cref="CurrentPrices"/> chooses (the lab's own, else the cheapest paid one, else $0).</summary>
    internal static async Task<Dictionary<string, ModelCard>> CardsAsync(ModelwatchDbContext db, IReadOnlyCollection<string> modelIds, CancellationToken ct)
    {
        var models = await db.Set<CatalogModel>().AsNoTracking()
            .Where(m => modelIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Lab, m.DisplayName, m.Organisation, m.Licence, m.LicenceId, m.ContextWindow })
            .ToListAsync(ct).ConfigureAwait(false);
        var prices = await CurrentPrices.OfAsync(db, models.ToDictionary(m => m.Id, m => m.Lab, StringComparer.Ordinal), ct).ConfigureAwait(false);
        var cards = new Dictionary<string, ModelCard>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            var price = prices.GetValueOrDefault(m.Id);
            cards[m.Id] = new ModelCard(m.Id, m.DisplayName ?? m.Id, m.Organisation ?? m.Lab, m.Licence, m.LicenceId, m.ContextWindow, price?.InputPerMillion, price?.OutputPerMillion, price?.Provider);
        }

        return cards;
    }
}

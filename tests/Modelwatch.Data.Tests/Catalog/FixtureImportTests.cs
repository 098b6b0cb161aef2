using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Testing.Catalog;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

/// <summary>
/// The issue's "must show" on a real database: every fixture source imports, a second import of each changes nothing,
/// and LMArena's <c>full</c> keys link to models.dev models and LiteLLM price entries — counted from the stored
/// aliases and offerings, with no link that the hand-checked list says is wrong.
/// </summary>
public sealed class FixtureImportTests
{
    /// <summary>The docs' naive normaliser (reproduced in Core.Tests' LinkageMeasurementTests): 132 and 136.</summary>
    private const int NaiveModelsDev = 132;
    private const int NaiveLiteLlm = 136;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Every_fixture_source_imports_once_and_arena_keys_link_without_a_wrong_link(DatabaseProvider provider)
    {
        var fixtures = SeededData.CatalogFixtures();
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var overrides = IdentityOverridesFile.LoadEmbedded();
        var importers = CatalogImporters.CreateDefault(store.Clock, SeededData.CatalogAsOf);

        foreach (var (source, path) in fixtures)
        {
            using var input = CatalogInput.FromPath(path);
            var batch = importers.Find(source)!.Read(input, Cancel);

            var first = await store.ApplyAsync(batch, overrides: overrides);
            var second = await store.ApplyAsync(batch, overrides: overrides);

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{source}: models +{first.Models.Added}, aliases +{first.Aliases.Added}, facts +{first.Facts.Added}, offerings +{first.Offerings.Added}, " +
                $"prices +{first.Prices.Added}, scores +{first.BenchmarkScores.Added}, ratings +{first.LeaderboardEntries.Added}, " +
                $"unmatched {first.Unmatched}, review {first.Pending}, problems {first.Problems.Count}");
            Assert.Equal(batch.Offerings.Select(o => (o.Provider, o.ProviderModelId)).Distinct().Count(), first.Offerings.Added);
            Assert.Equal(batch.LeaderboardEntries.Select(e => (e.Board, e.Category, e.PublishedOn, e.ModelRef)).Distinct().Count(), first.LeaderboardEntries.Added);
            Assert.Equal(batch.Models.Select(m => m.ExternalId).Concat(batch.Offerings.Select(o => o.ModelRef)).Concat(batch.BenchmarkScores.Select(s => s.ModelRef))
                .Concat(batch.LeaderboardEntries.Select(e => e.ModelRef)).Distinct().Count(), first.Aliases.Added);
            Assert.True(second.TotalAdded == 0 && second.TotalChanged == 0, $"{source}: the second import added {second.TotalAdded} and changed {second.TotalChanged} rows");
        }

        var linkage = await store.QueryAsync(Linkage.LoadAsync);
        var (arenaKeys, toModelsDev, toLiteLlm) = linkage.Counts();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"LMArena full keys: {arenaKeys}; linked to a models.dev model {toModelsDev}, to a LiteLLM price entry {toLiteLlm}");
        Assert.Equal(282, arenaKeys);
        Assert.True(toModelsDev >= NaiveModelsDev + 30, $"{toModelsDev} arena keys link to models.dev; the naive normaliser links {NaiveModelsDev}");
        Assert.True(toLiteLlm >= NaiveLiteLlm + 30, $"{toLiteLlm} arena keys link to LiteLLM; the naive normaliser links {NaiveLiteLlm}");

        var wrong = await store.QueryAsync(db => linkage.WrongLinksAsync(db, ArenaTruth.Load()));
        Assert.True(wrong.Count == 0, "wrong links:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The stored links, read once: each arena key's model, and the models models.dev and LiteLLM link. An arena key
    /// links to a source when its model is also that source's model.
    /// </summary>
    private sealed record Linkage(Dictionary<string, string?> Arena, HashSet<string> ModelsDev, HashSet<string> LiteLlm)
    {
        public static async Task<Linkage> LoadAsync(ModelwatchDbContext db) =>
            new(await ArenaModelsAsync(db), await ModelsOfAsync(db, CatalogSources.ModelsDev), await ModelsOfAsync(db, CatalogSources.LiteLlm));

        public (int ArenaKeys, int ToModelsDev, int ToLiteLlm) Counts() =>
            (Arena.Count, Arena.Values.Count(m => m is not null && ModelsDev.Contains(m)), Arena.Values.Count(m => m is not null && LiteLlm.Contains(m)));

        /// <summary>Truth rows whose arena model is linked to a source's model that the truth does not name.</summary>
        public async Task<List<string>> WrongLinksAsync(ModelwatchDbContext db, IReadOnlyList<ArenaTruthRow> truth)
        {
            var aliases = await db.Aliases.AsNoTracking().Where(a => a.ModelId != null && (a.Source == CatalogSources.ModelsDev || a.Source == CatalogSources.LiteLlm))
                .Select(a => new { a.Source, a.ExternalId, a.ModelId }).ToListAsync(Cancel);
            var offerings = await db.Offerings.AsNoTracking().Where(o => o.ModelId != null && (o.Source == CatalogSources.ModelsDev || o.Source == CatalogSources.LiteLlm))
                .Select(o => new { o.Source, o.Provider, o.ProviderModelId, o.ModelId }).ToListAsync(Cancel);

            // A truth name is a models.dev lab model `lab/id`, a models.dev offering `provider:id`, or a LiteLLM key.
            HashSet<string> ModelsNamed(string source, IEnumerable<string> names) => names.SelectMany(name =>
            {
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                var viaOffering = source == CatalogSources.ModelsDev && colon > 0
                    ? offerings.Where(o => o.Source == source && o.Provider == name[..colon] && o.ProviderModelId == name[(colon + 1)..]).Select(o => o.ModelId!)
                    : offerings.Where(o => o.Source == source && o.ProviderModelId == name).Select(o => o.ModelId!);
                var viaAlias = aliases.Where(a => a.Source == source && (a.ExternalId == name || a.ExternalId == name.Replace(':', '/'))).Select(a => a.ModelId!);
                return viaOffering.Concat(viaAlias);
            }).ToHashSet(StringComparer.Ordinal);

            var wrong = new List<string>();
            foreach (var row in truth)
            {
                if (Arena.GetValueOrDefault(row.ArenaKey) is not { } model)
                {
                    continue;
                }

                if (ModelsDev.Contains(model) && !ModelsNamed(CatalogSources.ModelsDev, row.ModelsDev).Contains(model))
                {
                    wrong.Add($"arena-truth.tsv:{row.Line} {row.ArenaKey} → {model}, which models.dev links, but the truth is [{string.Join(" | ", row.ModelsDev)}]");
                }

                if (LiteLlm.Contains(model) && !ModelsNamed(CatalogSources.LiteLlm, row.LiteLlm).Contains(model))
                {
                    wrong.Add($"arena-truth.tsv:{row.Line} {row.ArenaKey} → {model}, which LiteLLM links, but the truth is [{string.Join(" | ", row.LiteLlm)}]");
                }
            }

            return wrong;
        }

        private static async Task<Dictionary<string, string?>> ArenaModelsAsync(ModelwatchDbContext db) =>
            (await db.PublishedRatings.AsNoTracking()
                .Where(r => r.Source == CatalogSources.LmArena && r.Board == "lmarena-text" && r.Category == "full")
                .Select(r => new { r.ExternalId, r.ModelId }).ToListAsync(Cancel))
            .ToDictionary(r => r.ExternalId, r => r.ModelId, StringComparer.Ordinal);

        private static async Task<HashSet<string>> ModelsOfAsync(ModelwatchDbContext db, string source)
        {
            var viaAliases = await db.Aliases.AsNoTracking().Where(a => a.Source == source && a.ModelId != null).Select(a => a.ModelId!).ToListAsync(Cancel);
            var viaOfferings = await db.Offerings.AsNoTracking().Where(o => o.Source == source && o.ModelId != null).Select(o => o.ModelId!).ToListAsync(Cancel);
            return viaAliases.Concat(viaOfferings).ToHashSet(StringComparer.Ordinal);
        }
    }
}

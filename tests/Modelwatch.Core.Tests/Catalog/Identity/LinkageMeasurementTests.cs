using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;
using Modelwatch.Testing.Catalog;

namespace Modelwatch.Core.Tests.Catalog.Identity;

/// <summary>
/// The issue's "must show": of LMArena's 282 <c>full</c> keys, how many link to a models.dev model and how many to a
/// LiteLLM price entry — the naive normaliser of the docs first, then identity matching — and a hand-checked list of
/// arena keys on which no link may be wrong.
/// </summary>
public sealed class LinkageMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void The_fixtures_hold_what_the_docs_describe()
    {
        Assert.Equal(282, CatalogFixtures.ArenaFullKeys().Count);
        Assert.Equal(231, CatalogFixtures.ModelsDevLabModels().Count);
        Assert.Equal(5307, CatalogFixtures.ModelsDevOfferings().Count);
        Assert.Equal(1347, CatalogFixtures.ModelsDevOfferings().Count(o => o.BaseModel is not null));
        Assert.Equal(2982, CatalogFixtures.LiteLlmKeys().Count); // 2,983 object entries, less fallback_generalizations
    }

    [Fact]
    public void The_naive_normaliser_links_136_keys_to_LiteLLM_and_130_to_models_dev_as_documented()
    {
        var arena = CatalogFixtures.ArenaFullKeys();
        var modelsDev = ModelsDevIds();

        var liteLlm = NaiveNormalizer.Linked(arena, CatalogFixtures.LiteLlmKeys());
        var modelsDevAsWritten = NaiveNormalizer.Linked(arena, modelsDev, lowerCaseCandidates: false);
        var modelsDevLowerCased = NaiveNormalizer.Linked(arena, modelsDev);

        Assert.Equal(136, liteLlm.Count);
        Assert.Equal(130, modelsDevAsWritten.Count);
        Assert.Equal(132, modelsDevLowerCased.Count);
        Assert.Equal(["ling-flash-2.0", "ring-flash-2.0"], modelsDevLowerCased.Except(modelsDevAsWritten).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Identity_matching_links_clearly_more_arena_keys_than_the_naive_normaliser()
    {
        var arena = CatalogFixtures.ArenaFullKeys();
        var naiveModelsDev = NaiveNormalizer.Linked(arena, ModelsDevIds()).Count;
        var naiveLiteLlm = NaiveNormalizer.Linked(arena, CatalogFixtures.LiteLlmKeys()).Count;

        var modelsDev = Measure(LinkageUniverses.ModelsDev(), CatalogSources.ModelsDev, overrides: false);
        var liteLlm = Measure(LinkageUniverses.LiteLlm(), CatalogSources.LiteLlm, overrides: false);
        var modelsDevWithOverrides = Measure(LinkageUniverses.ModelsDev(), CatalogSources.ModelsDev, overrides: true);

        output.WriteLine($"naive: models.dev {naiveModelsDev} (130 with ids as written), LiteLLM {naiveLiteLlm}");
        output.WriteLine(modelsDev.Summary());
        output.WriteLine(liteLlm.Summary());
        output.WriteLine(modelsDevWithOverrides.Summary() + " [with the overrides file]");

        // "Clearly": at least 30 more keys (over a fifth more) against the stronger, lower-cased naive count.
        Assert.True(modelsDev.Linked >= naiveModelsDev + 30, $"models.dev: {modelsDev.Linked} linked vs naive {naiveModelsDev}");
        Assert.True(liteLlm.Linked >= naiveLiteLlm + 30, $"LiteLLM: {liteLlm.Linked} linked vs naive {naiveLiteLlm}");
        Assert.True(modelsDevWithOverrides.Linked >= modelsDev.Linked);
        Assert.Equal(arena.Count, modelsDev.Linked + modelsDev.Candidates + modelsDev.Unmatched);
        Assert.All(modelsDev.Rows.Concat(liteLlm.Rows).Where(r => r.Match.Kind == MatchKind.Candidate), r => Assert.NotNull(r.Match.CandidateModelId));
    }

    [Fact]
    public void Every_hand_checked_counterpart_is_in_the_fixtures()
    {
        var arena = CatalogFixtures.ArenaFullKeys().ToHashSet(StringComparer.Ordinal);
        var truth = ArenaTruth.Load();

        Assert.True(truth.Count >= 40, $"{truth.Count} hand-checked keys");
        Assert.Equal(truth.Count, truth.Select(t => t.ArenaKey).Distinct(StringComparer.Ordinal).Count());
        foreach (var row in truth)
        {
            Assert.True(arena.Contains(row.ArenaKey), $"arena-truth.tsv:{row.Line}: '{row.ArenaKey}' is not a key of the full board");
            foreach (var counterpart in row.ModelsDev)
            {
                Assert.True(ModelsDevModelOf(counterpart) is not null, $"arena-truth.tsv:{row.Line}: '{counterpart}' is not in models.dev");
            }

            foreach (var key in row.LiteLlm)
            {
                Assert.True(LinkageUniverses.LiteLlm().ModelOf(CatalogSources.LiteLlm, key) is not null, $"arena-truth.tsv:{row.Line}: '{key}' is not a LiteLLM key");
            }
        }
    }

    [Theory]
    [InlineData(CatalogSources.ModelsDev, false)]
    [InlineData(CatalogSources.ModelsDev, true)]
    [InlineData(CatalogSources.LiteLlm, false)]
    [InlineData(CatalogSources.LiteLlm, true)]
    public void No_hand_checked_arena_key_links_to_a_wrong_model(string target, bool overrides)
    {
        var truth = ArenaTruth.Load();
        var index = target == CatalogSources.ModelsDev ? LinkageUniverses.ModelsDev() : LinkageUniverses.LiteLlm();
        var matcher = new ModelIdentityMatcher(index, overrides ? LinkageUniverses.Overrides() : null);
        var (right, wrong, missed, withCounterpart) = (0, new List<string>(), new List<string>(), 0);

        foreach (var row in truth)
        {
            var counterparts = target == CatalogSources.ModelsDev ? row.ModelsDev : row.LiteLlm;
            var accepted = counterparts
                .Select(c => target == CatalogSources.ModelsDev ? ModelsDevModelOf(c) : index.ModelOf(CatalogSources.LiteLlm, c))
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            withCounterpart += accepted.Count > 0 ? 1 : 0;
            var match = matcher.Match(CatalogSources.LmArena, row.ArenaKey, MatchHints.None);
            if (match.IsLinked && !accepted.Contains(match.ModelId!))
            {
                wrong.Add($"{row.ArenaKey} → {match.ModelId} ({match.Explanation}); true: {(accepted.Count == 0 ? "none" : string.Join(", ", accepted))}");
            }
            else if (match.IsLinked)
            {
                right++;
            }
            else if (accepted.Count > 0)
            {
                missed.Add($"{row.ArenaKey}: {match.Kind} — {match.Explanation}");
            }
        }

        output.WriteLine($"{target}{(overrides ? " with overrides" : "")}: {truth.Count} hand-checked keys, {withCounterpart} with a counterpart; " +
                         $"{right} linked right, {wrong.Count} wrong, {missed.Count} missed (recall {(double)right / withCounterpart:P0})");
        foreach (var miss in missed)
        {
            output.WriteLine("  missed " + miss);
        }

        Assert.True(wrong.Count == 0, "Wrong links:\n" + string.Join('\n', wrong));
        Assert.True(right >= withCounterpart * 3 / 4, $"recall {right} of {withCounterpart}");
    }

    private LinkageReport Measure(ModelIdentityIndex index, string target, bool overrides)
    {
        var matcher = new ModelIdentityMatcher(index, overrides ? LinkageUniverses.Overrides() : null);
        return LinkageReport.Measure(CatalogSources.LmArena, target, CatalogFixtures.ArenaFullKeys(), matcher);
    }

    /// <summary>The candidate universe of the naive count: lab model ids and offering ids.</summary>
    private static IEnumerable<string> ModelsDevIds() =>
        CatalogFixtures.ModelsDevLabModels().Select(m => m.Id).Concat(CatalogFixtures.ModelsDevOfferings().Select(o => o.Id));

    /// <summary>A lab model id, or <c>provider:offering-id</c>, as the model the models.dev index holds it under.</summary>
    private static string? ModelsDevModelOf(string counterpart)
    {
        var index = LinkageUniverses.ModelsDev();
        var colon = counterpart.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return index.Contains(counterpart) ? counterpart : null;
        }

        return index.ModelOf(LinkageUniverses.OfferingSource(counterpart[..colon]), counterpart[(colon + 1)..]);
    }
}

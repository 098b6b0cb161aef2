using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.OpenRouter;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.OpenRouter;

/// <summary>
/// The real 2026-08-01 response (newer schema, 41 entries). Figures checked by hand and with python3 on the file:
/// 41 ids, of which 5 aliases (<c>~…</c>), 1 router (<c>openrouter/auto-beta</c>), 4 <c>:free</c> endpoints (one whose
/// base slug is listed too); 52 non-null Artificial Analysis values and 94 Design Arena entries.
/// </summary>
public sealed class OpenRouterImporterTests
{
    private static readonly OpenRouterImporter Importer = new(new FixedTime(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    [Fact]
    public void Every_entry_is_an_offering_and_every_real_model_a_model()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Empty(batch.Problems);
        Assert.Equal(CatalogSources.OpenRouter, batch.Source);
        Assert.Equal(41, batch.Offerings.Count);
        Assert.All(batch.Offerings, o => Assert.Equal("openrouter", o.Provider));
        Assert.Equal(41, batch.Offerings.Select(o => o.ProviderModelId).Distinct().Count());

        // 41 − 5 aliases − 1 router − poolside/laguna-s-2.1:free (its base slug is listed itself).
        Assert.Equal(34, batch.Models.Count);
        Assert.Equal(34, batch.Models.Select(m => m.ExternalId).Distinct().Count());
        Assert.DoesNotContain(batch.Models, m => m.ExternalId.StartsWith('~') || m.ExternalId.Contains(':', StringComparison.Ordinal));
        Assert.DoesNotContain(batch.Models, m => m.ExternalId == "openrouter/auto-beta");
        Assert.Equal("2026-08-01", batch.SourceVersion);
    }

    [Fact]
    public void Price_strings_per_token_become_exact_decimals_per_million()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        // "prompt": "0.00000014", "completion": "0.00000028", "input_cache_read": "0.0000000028", no cache write.
        var flash = Prices(batch, "deepseek/deepseek-v4-flash-0731");
        Assert.Equal(0.14m, flash.Input);
        Assert.Equal(0.28m, flash.Output);
        Assert.Equal(0.0028m, flash.CacheRead);
        Assert.Null(flash.CacheWrite);
        Assert.Empty(flash.Tiers);

        // "0.00000076006", "0.00000238876", "0.000000141154": every digit kept.
        var glm = Prices(batch, "z-ai/glm-5.2");
        Assert.Equal(0.76006m, glm.Input);
        Assert.Equal(2.38876m, glm.Output);
        Assert.Equal(0.141154m, glm.CacheRead);

        // Doubles printed in full: "0.0000006000000000000001" is $0.60, "0.00000012500000000000002" $0.125,
        // "0.00000100000000000000015" $1; a true repeating price keeps 15 significant digits.
        var luna = Prices(batch, "openai/gpt-5.6-luna");
        Assert.Equal(0.6m, luna.Output);
        Assert.Equal("0.6", luna.Output!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.125m, luna.CacheWrite);
        Assert.Equal(1m, Prices(batch, "openai/gpt-5.6-terra").Input);
        Assert.Equal(0.0833333333333333m, Prices(batch, "google/gemini-3.6-flash").CacheWrite);
    }

    [Fact]
    public void Long_context_overrides_become_tiers_free_is_zero_and_minus_one_is_no_price()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        // qwen/qwen3.7-flash: two overrides, at 32,000 and 256,000 prompt tokens.
        var qwen = Prices(batch, "qwen/qwen3.7-flash");
        Assert.Equal(0.03m, qwen.Input);
        Assert.Equal([32_000L, 256_000L], qwen.Tiers.Select(t => t.AboveInputTokens));
        Assert.Equal(new PriceTier(32_000, 0.1m, 0.4m, 0.02m, 0.125m), qwen.Tiers[0]);
        Assert.Equal(new PriceTier(256_000, 0.2m, 0.8m, 0.04m, 0.25m), qwen.Tiers[1]);

        var free = Prices(batch, "inclusionai/ling-3.0-flash:free");
        Assert.Equal(0m, free.Input);
        Assert.Equal(0m, free.Output);

        // The router's "-1": no fixed price, so no price at all rather than −$1,000,000 per million.
        var router = Offering(batch, "openrouter/auto-beta");
        Assert.Empty(router.Prices);
        Assert.All(batch.Offerings.SelectMany(o => o.Prices), p => Assert.True(p.Prices.Input is null or >= 0));
        Assert.All(batch.Offerings.SelectMany(o => o.Prices), p => Assert.Null(p.EffectiveFrom));
    }

    [Fact]
    public void Model_facts_come_from_the_entry()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        var glm = Model(batch, "z-ai/glm-5.2");
        Assert.Equal("zhipuai", glm.Lab);
        Assert.Equal("GLM 5.2", glm.DisplayName);
        Assert.Equal("Z.ai", glm.Organisation);
        Assert.Equal(LicenceClass.OpenWeights, glm.Licence);
        Assert.Equal("https://huggingface.co/zai-org/GLM-5.2", glm.WeightsUrl);
        Assert.Equal(1_048_576, glm.ContextWindow);
        Assert.Equal(new DateOnly(2026, 6, 16), glm.ReleaseDate); // created 1781631930 = 2026-06-16T17:45:30Z
        Assert.Equal(["text"], glm.InputModalities);
        Assert.Equal(["text"], glm.OutputModalities);
        Assert.True(glm.Reasoning);
        Assert.True(glm.ToolCalling);
        var glmOffering = Offering(batch, "z-ai/glm-5.2");
        Assert.Equal("z-ai/glm-5.2", glmOffering.ModelRef);
        Assert.Equal(128_000, glmOffering.MaxOutputTokens);
        Assert.Equal(1_048_576, glmOffering.ContextWindow);

        // hugging_face_id null: OpenRouter's way of saying no public weights. "file" input is stored as "pdf".
        var opus = Model(batch, "anthropic/claude-opus-5");
        Assert.Equal(LicenceClass.Proprietary, opus.Licence);
        Assert.Null(opus.WeightsUrl);
        Assert.Equal("Claude Opus 5", opus.DisplayName);
        Assert.Null(opus.Organisation);
        Assert.Equal(["text", "image", "pdf"], opus.InputModalities);

        // No "reasoning" parameter and no reasoning object: not a reasoning model; tools listed.
        var kat = Model(batch, "kwaipilot/kat-coder-air-v2.5");
        Assert.False(kat.Reasoning);
        Assert.True(kat.ToolCalling);
        Assert.False(Model(batch, "perceptron/perceptron-mk1").ToolCalling);
        Assert.Equal("2026-02-16", Model(batch, "openai/gpt-5.6-luna").KnowledgeCutoff);
    }

    [Fact]
    public void An_alias_is_an_offering_of_its_target_and_not_a_model()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal("x-ai/grok-4.5", Offering(batch, "~x-ai/grok-latest").ModelRef);
        Assert.Equal("anthropic/claude-fable-5", Offering(batch, "~anthropic/claude-fable-latest").ModelRef);
        Assert.Equal("openai/gpt-5.4-mini", Offering(batch, "~openai/gpt-mini-latest").ModelRef);
        Assert.Equal(5, batch.Offerings.Count(o => o.ProviderModelId.StartsWith('~')));
        Assert.All(batch.Offerings.Where(o => o.ProviderModelId.StartsWith('~')), o => Assert.False(o.ModelRef.StartsWith('~')));
    }

    [Fact]
    public void A_free_endpoint_is_an_offering_of_its_base_model()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        // Both listed: one model with the paid entry's window, two offerings with their own limits.
        var laguna = Model(batch, "poolside/laguna-s-2.1");
        Assert.Equal(1_048_576, laguna.ContextWindow);
        var free = Offering(batch, "poolside/laguna-s-2.1:free");
        Assert.Equal("poolside/laguna-s-2.1", free.ModelRef);
        Assert.Equal(262_144, free.ContextWindow);
        Assert.Equal(32_768, free.MaxOutputTokens);

        // Only the free endpoint listed: the model comes from it, without the endpoint's window or "(free)".
        var north = Model(batch, "cohere/north-mini-code");
        Assert.Equal("North Mini Code", north.DisplayName);
        Assert.Equal("Cohere", north.Organisation);
        Assert.Equal("cohere", north.Lab);
        Assert.Null(north.ContextWindow);
        Assert.Equal("https://huggingface.co/CohereLabs/North-Mini-Code-1.0", north.WeightsUrl);
        Assert.Equal("cohere/north-mini-code", Offering(batch, "cohere/north-mini-code:free").ModelRef);
        Assert.Equal(256_000, Offering(batch, "cohere/north-mini-code:free").ContextWindow);
    }

    [Fact]
    public void Benchmarks_are_Artificial_Analysis_scores_and_Design_Arena_entries_as_of_the_response_date()
    {
        using var input = Input(CatalogFixtures.OpenRouterFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(52, batch.BenchmarkScores.Count);
        Assert.Equal(94, batch.LeaderboardEntries.Count);
        var asOf = new DateOnly(2026, 8, 1); // from the file name
        Assert.All(batch.BenchmarkScores, s => Assert.Equal(asOf, s.AsOf));
        Assert.All(batch.LeaderboardEntries, e => Assert.Equal(asOf, e.PublishedOn));

        var flash = batch.BenchmarkScores.Where(s => s.ModelRef == "deepseek/deepseek-v4-flash-0731").ToDictionary(s => s.Benchmark, s => s.Score);
        Assert.Equal(49.9, flash["Artificial Analysis Intelligence Index"]);
        Assert.Equal(69.1, flash["Artificial Analysis Coding Index"]);
        Assert.Equal(45.7, flash["Artificial Analysis Agentic Index"]);
        var aa = Single(batch.BenchmarkScores, s => s.ModelRef == "deepseek/deepseek-v4-flash-0731" && s.Benchmark.Contains("Intelligence", StringComparison.Ordinal), "score");
        Assert.False(aa.SelfReported);
        Assert.Equal("https://artificialanalysis.ai/", aa.SourceUrl);

        // granite-4.1-8b: intelligence and agentic null, coding 9.5.
        var granite = Single(batch.BenchmarkScores, s => s.ModelRef == "ibm-granite/granite-4.1-8b", "granite score");
        Assert.Equal(("Artificial Analysis Coding Index", 9.5), (granite.Benchmark, granite.Score));

        // {"arena": "agents", "category": "webapps", "elo": 1291, "win_rate": 56, "rank": 5}
        var webapps = Single(batch.LeaderboardEntries, e => e.ModelRef == "anthropic/claude-opus-5" && e.Board == "design-arena-agents" && e.Category == "webapps", "entry");
        Assert.Equal(1291, webapps.Rating);
        Assert.Equal(5, webapps.Rank);
        Assert.Null(webapps.Lower);
    }

    [Fact]
    public void Without_a_date_in_the_name_the_option_or_the_clock_dates_the_benchmarks()
    {
        using var dir = new TempDirectory();
        var copy = dir.File("models.json");
        File.Copy(SharedData.File(CatalogFixtures.OpenRouterFile), copy);
        using var input = CatalogInput.FromPath(copy);

        var byClock = Importer.Read(input, TestContext.Current.CancellationToken);
        Assert.All(byClock.BenchmarkScores, s => Assert.Equal(new DateOnly(2030, 1, 2), s.AsOf));
        Assert.Null(byClock.SourceVersion);

        var byOption = new OpenRouterImporter(new FixedTime(DateTimeOffset.UnixEpoch), new OpenRouterImportOptions { RetrievedOn = new DateOnly(2026, 7, 30) }).Read(input, TestContext.Current.CancellationToken);
        Assert.All(byOption.LeaderboardEntries, e => Assert.Equal(new DateOnly(2026, 7, 30), e.PublishedOn));
        Assert.Equal("2026-07-30", byOption.SourceVersion);
    }

    private static SourceOffering Offering(CatalogBatch batch, string id) => Single(batch.Offerings, o => o.ProviderModelId == id, $"offering {id}");

    private static TokenPrices Prices(CatalogBatch batch, string id) => Assert.Single(Offering(batch, id).Prices).Prices;
}

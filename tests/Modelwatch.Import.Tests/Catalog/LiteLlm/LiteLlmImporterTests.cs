using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.LiteLlm;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.LiteLlm;

/// <summary>
/// LiteLLM's price file (fixture of 2026-07-24). Counts were taken first with jq and python3 (json, Decimal):
/// 2,985 top-level keys = 2,982 call strings + <c>last_updated</c> + <c>sample_spec</c> + <c>fallback_generalizations</c>;
/// 122 providers; 2,510 entries with <c>input_cost_per_token</c> and 18 more with an input price only in a <c>tiered_pricing</c> range from 0; 2,539 with some price per token; 129 with long-context
/// tiers (thresholds 32k: 12, 128k: 26, 200k: 49, 256k: 11, 272k: 46, 512k: 1). The sources page's “2,983 call strings,
/// 123 providers” counts <c>sample_spec</c> and its provider placeholder too.
/// </summary>
public class LiteLlmImporterTests
{
    private static readonly LiteLlmImporter Importer = new();

    private static CatalogBatch ReadFixture() => CatalogFiles.Read(Importer, SharedData.File(CatalogFiles.LiteLlm));

    private static Dictionary<string, SourceOffering> ByKey(CatalogBatch batch) => batch.Offerings.ToDictionary(o => o.ProviderModelId, StringComparer.Ordinal);

    private static TokenPrices PricesOf(Dictionary<string, SourceOffering> offerings, string key) => Assert.Single(offerings[key].Prices).Prices;

    [Fact]
    public void Every_call_string_becomes_one_offering_and_nothing_else()
    {
        var batch = ReadFixture();

        Assert.Equal(CatalogSources.LiteLlm, batch.Source);
        Assert.Equal("2026-07-24T18:23:43.215560+00:00", batch.SourceVersion);
        Assert.Empty(batch.Problems);
        Assert.Equal(2982, batch.Offerings.Count);
        Assert.Equal(122, batch.Offerings.Select(o => o.Provider).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(batch.Models);
        Assert.Empty(batch.MatchRules);
        Assert.DoesNotContain(batch.Offerings, o => o.ProviderModelId is "sample_spec" or "fallback_generalizations" or "last_updated");
        Assert.All(batch.Offerings, o => Assert.Equal(o.ProviderModelId, o.ModelRef));
        Assert.All(batch.Offerings, o => Assert.Null(o.ContextWindow));
        Assert.Equal(2510 + 18, batch.Offerings.Count(o => o.Prices is [{ Prices.Input: not null }])); // + 18 priced only in tiered_pricing ranges from 0
        Assert.Equal(2539, batch.Offerings.Count(o => o.Prices.Count == 1));
        Assert.All(batch.Offerings, o => Assert.All(o.Prices, p => Assert.Null(p.EffectiveFrom)));
    }

    [Fact]
    public void Long_context_tiers_are_counted_per_threshold_as_in_the_file()
    {
        var tiers = ReadFixture().Offerings.SelectMany(o => o.Prices).SelectMany(p => p.Prices.Tiers).ToList();

        var perThreshold = tiers.GroupBy(t => t.AboveInputTokens).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<long, int> { [32_000] = 12, [128_000] = 26, [200_000] = 49, [256_000] = 11, [272_000] = 46, [512_000] = 1 }, perThreshold);
    }

    [Fact]
    public void Claude_sonnet_4_5_at_anthropic_has_its_limits_cache_prices_and_200k_tier()
    {
        var offering = ByKey(ReadFixture())["claude-sonnet-4-5"];

        Assert.Equal("anthropic", offering.Provider);
        Assert.Equal("chat", offering.Mode);
        Assert.Equal(200_000, offering.MaxInputTokens);
        Assert.Equal(64_000, offering.MaxOutputTokens);
        Assert.Null(offering.ContextWindow);
        var period = Assert.Single(offering.Prices);
        Assert.Null(period.EffectiveFrom);
        Assert.Equal(3m, period.Prices.Input);
        Assert.Equal(15m, period.Prices.Output);
        Assert.Equal(0.3m, period.Prices.CacheRead);
        Assert.Equal(3.75m, period.Prices.CacheWrite);
        Assert.Equal([new PriceTier(200_000, 6m, 22.5m, 0.6m, 7.5m)], period.Prices.Tiers);
    }

    [Fact]
    public void Bedrock_regional_keys_keep_their_own_provider_prices_and_limits()
    {
        var offerings = ByKey(ReadFixture());

        var eu = offerings["eu.anthropic.claude-sonnet-4-5-20250929-v1:0"];
        Assert.Equal("bedrock_converse", eu.Provider);
        var euPrices = Assert.Single(eu.Prices).Prices;
        Assert.Equal((3.3m, 16.5m, 0.33m, 4.125m), (euPrices.Input, euPrices.Output, euPrices.CacheRead, euPrices.CacheWrite));
        Assert.Equal([new PriceTier(200_000, 6.6m, 24.75m, 0.66m, 8.25m)], euPrices.Tiers);

        var govWest = offerings["bedrock/us-gov-west-1/anthropic.claude-sonnet-4-5-20250929-v1:0"];
        Assert.Equal("bedrock", govWest.Provider);
        Assert.Equal(8192, govWest.MaxOutputTokens);
        var govPrices = Assert.Single(govWest.Prices).Prices;
        Assert.Equal((3.6m, 18m, 0.36m, 4.5m), (govPrices.Input, govPrices.Output, govPrices.CacheRead, govPrices.CacheWrite));
        Assert.Empty(govPrices.Tiers);
    }

    [Fact]
    public void OpenAI_gpt_4o_has_its_standard_cache_price_not_priority_or_batch_prices()
    {
        var offerings = ByKey(ReadFixture());
        var gpt4o = offerings["gpt-4o"];

        Assert.Equal("openai", gpt4o.Provider);
        Assert.Equal((128_000, 16_384), (gpt4o.MaxInputTokens, gpt4o.MaxOutputTokens));
        var prices = PricesOf(offerings, "gpt-4o");
        Assert.Equal(2.5m, prices.Input); // priority 4.25, batches 1.25
        Assert.Equal(10m, prices.Output);
        Assert.Equal(1.25m, prices.CacheRead); // priority 2.125
        Assert.Null(prices.CacheWrite);
        Assert.Empty(prices.Tiers);
    }

    [Fact]
    public void A_price_of_3e_06_per_token_is_exactly_3_per_million()
    {
        var path = SharedData.File(CatalogFiles.LiteLlm);
        var raw = JsonNode.Parse(File.ReadAllText(path))!["claude-sonnet-4-5"]!["input_cost_per_token"]!.ToJsonString();
        Assert.Equal("3e-06", raw); // the text really is in exponent form, which a double would round

        var input = PricesOf(ByKey(ReadFixture()), "claude-sonnet-4-5").Input!.Value;

        Assert.Equal(3m, input);
        Assert.Equal("3", input.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.003625m, PricesOf(ByKey(ReadFixture()), "deepseek-v4-pro").CacheRead); // 3.625e-09
    }

    [Fact]
    public void Every_price_equals_its_json_text_times_a_million()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFiles.LiteLlm)))!.AsObject();
        var offerings = ByKey(ReadFixture());
        var compared = 0;
        foreach (var (key, node) in root)
        {
            if (node is not JsonObject entry || !offerings.TryGetValue(key, out var offering))
            {
                continue;
            }

            var prices = offering.Prices.SingleOrDefault()?.Prices;
            foreach (var (field, actual) in new[]
            {
                ("input_cost_per_token", prices?.Input), ("output_cost_per_token", prices?.Output),
                ("cache_read_input_token_cost", prices?.CacheRead), ("cache_creation_input_token_cost", prices?.CacheWrite),
            })
            {
                if (entry[field] is JsonValue value)
                {
                    var expected = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) * 1_000_000m;
                    Assert.True(expected == actual, $"{key}.{field}: {value.ToJsonString()} per token should be {expected} per million, imported {actual}");
                    compared++;
                }
            }
        }

        Assert.Equal(2510 + 2507 + 710 + 243, compared); // counted with python3 for each field
    }

    [Fact]
    public void Tiered_pricing_ranges_give_the_base_price_and_tiers_above_each_range_start()
    {
        var offerings = ByKey(ReadFixture());

        var qwenFlash = PricesOf(offerings, "dashscope/qwen-flash");
        Assert.Equal((0.05m, 0.4m), (qwenFlash.Input, qwenFlash.Output));
        Assert.Equal([new PriceTier(256_000, 0.25m, 2m)], qwenFlash.Tiers);

        var doubao = PricesOf(offerings, "volcengine/doubao-seed-2-0-pro-260215");
        Assert.Equal((0.46m, 2.3m), (doubao.Input, doubao.Output));
        Assert.Equal([new PriceTier(32_000, 0.7m, 3.5m), new PriceTier(128_000, 1.4m, 7m)], doubao.Tiers);

        Assert.Empty(offerings["exa_ai/search"].Prices); // priced per query, not per token
    }

    [Fact]
    public void Limits_written_as_2000000_point_0_are_whole_token_counts()
    {
        var grok = ByKey(ReadFixture())["xai/grok-4-fast-reasoning"];

        Assert.Equal(2_000_000, grok.MaxInputTokens);
        Assert.Equal(2_000_000, grok.MaxOutputTokens);
    }

    [Fact]
    public void An_output_limit_of_0_is_kept_and_an_input_limit_of_0_means_unknown()
    {
        var offerings = ByKey(ReadFixture());

        var moderation = offerings["omni-moderation-latest"];
        Assert.Equal((32_768, 0), (moderation.MaxInputTokens, moderation.MaxOutputTokens));
        var gatewayEmbedding = offerings["vercel_ai_gateway/openai/text-embedding-3-small"];
        Assert.Null(gatewayEmbedding.MaxInputTokens);
        Assert.Equal(0, gatewayEmbedding.MaxOutputTokens);
        Assert.Equal(0.02m, PricesOf(offerings, "vercel_ai_gateway/openai/text-embedding-3-small").Input);
        Assert.DoesNotContain(offerings.Values, o => o.MaxInputTokens == 0);
    }

    [Fact]
    public void A_cache_hit_price_stands_in_for_a_missing_cache_read_price()
    {
        var offerings = ByKey(ReadFixture());

        Assert.Equal(0.014m, PricesOf(offerings, "deepseek/deepseek-coder").CacheRead); // input_cost_per_token_cache_hit 1.4e-08 only
        Assert.Equal(0.028m, PricesOf(offerings, "deepseek/deepseek-chat").CacheRead); // both fields, equal
    }

    [Fact]
    public void Legacy_max_tokens_never_becomes_an_output_limit_when_it_repeats_the_input_limit()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFiles.LiteLlm)))!.AsObject();
        var offerings = ByKey(ReadFixture());

        var withoutOutputLimit = offerings.Values.Where(o => root[o.ProviderModelId]!["max_output_tokens"] is null).ToList();
        Assert.Equal(2982 - 2397, withoutOutputLimit.Count); // 2,397 entries state max_output_tokens
        Assert.All(withoutOutputLimit, o => Assert.Null(o.MaxOutputTokens));
        var embedding = offerings["oci/cohere.embed-multilingual-image-v3.0"];
        Assert.Equal(512, embedding.MaxInputTokens);
        Assert.Null(embedding.MaxOutputTokens);
    }

    [Fact]
    public void Legacy_max_tokens_is_the_output_limit_only_when_it_cannot_be_the_input_limit()
    {
        using var temp = new TempDirectory();
        var path = temp.File("prices.json");
        File.WriteAllText(path, """
            {
              "a": {"litellm_provider": "p", "max_input_tokens": 1000, "max_tokens": 500},
              "b": {"litellm_provider": "p", "max_input_tokens": 1000, "max_tokens": 1000},
              "c": {"litellm_provider": "p", "max_tokens": 1000},
              "d": {"litellm_provider": "p", "max_input_tokens": 1000, "max_output_tokens": 200, "max_tokens": 500}
            }
            """);

        var offerings = ByKey(CatalogFiles.Read(Importer, path));

        Assert.Equal(500, offerings["a"].MaxOutputTokens);
        Assert.Null(offerings["b"].MaxOutputTokens);
        Assert.Null(offerings["c"].MaxOutputTokens);
        Assert.Null(offerings["c"].MaxInputTokens);
        Assert.Equal(200, offerings["d"].MaxOutputTokens);
        Assert.All(offerings.Values, o => Assert.Null(o.ContextWindow));
    }

    [Fact]
    public void A_string_price_is_reported_with_its_json_path_and_only_that_entry_is_left_out()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFiles.LiteLlm)))!.AsObject();
        root["claude-sonnet-4-5"]!["input_cost_per_token"] = "abc";
        root["gpt-4o"]!["max_output_tokens"] = 1.5;
        root["a \"quoted\" key"] = new JsonObject { ["litellm_provider"] = "p", ["output_cost_per_token"] = -1 };
        root["not-an-entry"] = 42;
        using var temp = new TempDirectory();
        var path = temp.File("edited.json");
        File.WriteAllText(path, root.ToJsonString());

        var batch = CatalogFiles.Read(Importer, path);

        Assert.Equal(
            [
                new RecordProblem("$[\"claude-sonnet-4-5\"].input_cost_per_token", "expected a number, found \"abc\""),
                new RecordProblem("$[\"gpt-4o\"].max_output_tokens", "expected a whole number of tokens, found 1.5"),
                new RecordProblem("$[\"a \\\"quoted\\\" key\"].output_cost_per_token", "expected a price of at least 0, found -1"),
                new RecordProblem("$[\"not-an-entry\"]", "expected an object describing the call string, found 42"),
            ],
            batch.Problems);
        Assert.Equal(2982 - 2, batch.Offerings.Count);
        var offerings = ByKey(batch);
        Assert.False(offerings.ContainsKey("claude-sonnet-4-5"));
        Assert.False(offerings.ContainsKey("gpt-4o"));
        Assert.Equal(3m, PricesOf(offerings, "claude-sonnet-4-5-20250929").Input);
    }

    [Fact]
    public void Broken_json_is_refused_naming_the_file_line_and_byte()
    {
        var text = File.ReadAllText(SharedData.File(CatalogFiles.LiteLlm));
        var key = "\"claude-sonnet-4-5\": {";
        var colon = text.IndexOf(key, StringComparison.Ordinal) + key.IndexOf(':', StringComparison.Ordinal);
        var broken = text.Remove(colon, 1); // "claude-sonnet-4-5" {  — the '{' where a ':' belongs
        using var temp = new TempDirectory();
        var path = temp.File("broken.json");
        File.WriteAllText(path, broken);
        var (line, column) = CatalogFiles.Position(broken, colon + 1);

        var error = CatalogFiles.Fails(Importer, path);

        Assert.StartsWith($"{path}: not valid JSON at line {line}, byte {column} of the line: ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void A_file_that_is_not_an_object_of_call_strings_is_refused()
    {
        using var temp = new TempDirectory();
        var array = temp.File("array.json");
        File.WriteAllText(array, """[{"litellm_provider": "openai"}]""");
        var empty = temp.File("empty.json");
        File.WriteAllText(empty, "");

        Assert.Equal($"{array}: expected an object of call strings at the top level, found an array.", CatalogFiles.Fails(Importer, array).Message);
        Assert.StartsWith($"{empty}: not valid JSON at line 1, byte 1 of the line: ", CatalogFiles.Fails(Importer, empty).Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", CatalogFiles.Fails(Importer, temp.Path).Message, StringComparison.Ordinal);
    }
}

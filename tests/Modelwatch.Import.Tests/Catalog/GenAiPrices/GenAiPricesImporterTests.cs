using System.Text.Json.Nodes;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.GenAiPrices;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.GenAiPrices;

/// <summary>
/// genai-prices' data.json (fixture of 2026-08-21). Counted first with python3: 34 providers, 1,442 models; 1,433
/// price objects and 9 lists of conditional prices (each: one unconstrained entry plus 7 <c>start_date</c> and
/// 2 <c>start_time</c>/<c>end_time</c> constraints, no other shape); 20 models with tiered prices; 157 with <c>{}</c>
/// (free); 1,007 names, 363 context windows, 8 deprecated; model clauses: equals 1,853, or 453, contains 187,
/// starts_with 128, regex 7, ends_with 1 (no and). genai-prices' own semantics, run in Python over every model id of
/// every provider, match 43 ids to no model of their provider (Bedrock's <c>regional.*</c> ids) and every other id to
/// exactly its own model.
/// </summary>
public class GenAiPricesImporterTests
{
    private static readonly GenAiPricesImporter Importer = new();

    private static CatalogBatch ReadFixture() => CatalogFiles.Read(Importer, SharedData.File(CatalogFiles.GenAiPrices));

    private static SourceOffering Offering(CatalogBatch batch, string modelRef) => batch.Offerings.Single(o => o.ModelRef == modelRef);

    private static SourceModel Model(CatalogBatch batch, string modelRef) => batch.Models.Single(m => m.ExternalId == modelRef);

    private static MatchRule Rule(CatalogBatch batch, string modelRef) => batch.MatchRules.Single(r => r.ModelRef == modelRef).Rule;

    [Fact]
    public void Every_model_becomes_a_model_an_offering_and_a_match_rule()
    {
        var batch = ReadFixture();

        Assert.Equal(CatalogSources.GenAiPrices, batch.Source);
        Assert.Equal(1442, batch.Models.Count);
        Assert.Equal(1442, batch.Offerings.Count);
        Assert.Equal(1442, batch.MatchRules.Count);
        Assert.Equal(34, batch.Offerings.Select(o => o.Provider).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(batch.Models.Select(m => m.ExternalId), batch.Offerings.Select(o => o.ModelRef));
        Assert.Equal(batch.Models.Select(m => m.ExternalId), batch.MatchRules.Select(r => r.ModelRef));
        Assert.All(batch.Offerings, o => Assert.Equal($"{o.Provider}/{o.ProviderModelId}", o.ModelRef));
        Assert.Equal(1007, batch.Models.Count(m => m.DisplayName is not null));
        Assert.Equal(363, batch.Models.Count(m => m.ContextWindow is not null));
        Assert.Equal(8, batch.Models.Count(m => m.Status == ModelStatus.Deprecated));
        Assert.All(batch.Models, m => Assert.True(m.Status is null or ModelStatus.Deprecated));
    }

    [Fact]
    public void Only_the_two_daily_price_windows_are_reported_as_not_stored()
    {
        var problems = ReadFixture().Problems;

        Assert.Equal(["$[6].models[0].prices[1].constraint", "$[6].models[1].prices[1].constraint"], problems.Select(p => p.Location));
        Assert.Equal(
            "prices by time of day cannot be stored: kept the prices for 00:30–16:30 UTC (16 h a day); not stored: input 0.135, output 0.55, cache read 0.035 per million for 16:30–00:30 UTC",
            problems[0].Message);
    }

    [Fact]
    public void Deepseek_chat_keeps_the_price_that_holds_16_hours_a_day()
    {
        var batch = ReadFixture();
        var period = Assert.Single(Offering(batch, "deepseek/deepseek-chat").Prices);

        Assert.Null(period.EffectiveFrom);
        Assert.Equal((0.27m, 1.1m, 0.07m), (period.Prices.Input, period.Prices.Output, period.Prices.CacheRead));
    }

    [Fact]
    public void Dated_price_changes_become_periods_oldest_first()
    {
        var batch = ReadFixture();

        var o3 = Offering(batch, "openai/o3").Prices;
        Assert.Equal([null, new DateOnly(2025, 6, 10)], o3.Select(p => p.EffectiveFrom));
        Assert.Equal((10m, 40m, 0.5m), (o3[0].Prices.Input, o3[0].Prices.Output, o3[0].Prices.CacheRead));
        Assert.Equal((2m, 8m, 0.5m), (o3[1].Prices.Input, o3[1].Prices.Output, o3[1].Prices.CacheRead));

        // Introductory price until 2026-08-31, list price from 2026-09-01 (after the file's date).
        var sonnet5 = Offering(batch, "aws/regional.anthropic.claude-sonnet-5-v1:0").Prices;
        Assert.Equal([null, new DateOnly(2026, 9, 1)], sonnet5.Select(p => p.EffectiveFrom));
        Assert.Equal((2.2m, 11m, 0.22m, 2.75m), (sonnet5[0].Prices.Input, sonnet5[0].Prices.Output, sonnet5[0].Prices.CacheRead, sonnet5[0].Prices.CacheWrite));
        Assert.Equal((3.3m, 16.5m, 0.33m, 4.125m), (sonnet5[1].Prices.Input, sonnet5[1].Prices.Output, sonnet5[1].Prices.CacheRead, sonnet5[1].Prices.CacheWrite));

        var dated = batch.Offerings.Where(o => o.Prices.Count > 1).ToList();
        Assert.Equal(7, dated.Count);
        Assert.All(dated, o =>
        {
            Assert.Null(o.Prices[0].EffectiveFrom);
            Assert.All(o.Prices.Skip(1), p => Assert.NotNull(p.EffectiveFrom));
            Assert.Equal(o.Prices.Skip(1).Select(p => p.EffectiveFrom).Order(), o.Prices.Skip(1).Select(p => p.EffectiveFrom));
        });
    }

    [Fact]
    public void Claude_opus_4_6_drops_its_200k_tier_on_2026_03_13()
    {
        var prices = Offering(ReadFixture(), "anthropic/claude-opus-4-6").Prices;

        Assert.Equal([null, new DateOnly(2026, 3, 13)], prices.Select(p => p.EffectiveFrom));
        Assert.Equal((5m, 25m, 0.5m, 6.25m), (prices[0].Prices.Input, prices[0].Prices.Output, prices[0].Prices.CacheRead, prices[0].Prices.CacheWrite));
        Assert.Equal([new PriceTier(200_000, 10m, 37.5m, 1m, 12.5m)], prices[0].Prices.Tiers);
        Assert.Equal((5m, 25m, 0.5m, 6.25m), (prices[1].Prices.Input, prices[1].Prices.Output, prices[1].Prices.CacheRead, prices[1].Prices.CacheWrite));
        Assert.Empty(prices[1].Prices.Tiers);
    }

    [Fact]
    public void Tiered_prices_merge_into_tiers_by_start()
    {
        var batch = ReadFixture();

        var gpt54 = Assert.Single(Offering(batch, "openai/gpt-5.4").Prices).Prices;
        Assert.Equal((2.5m, 15m, 0.25m), (gpt54.Input, gpt54.Output, gpt54.CacheRead));
        Assert.Equal([new PriceTier(272_000, 5m, 22.5m, 0.5m, null)], gpt54.Tiers);
        Assert.Equal(20, batch.Offerings.Count(o => o.Prices.Any(p => p.Prices.Tiers.Count > 0)));
    }

    [Fact]
    public void An_empty_price_object_means_free()
    {
        var batch = ReadFixture();

        var free = Assert.Single(Offering(batch, "openrouter/deepseek/deepseek-r1:free").Prices).Prices;
        Assert.Equal((0m, 0m), (free.Input, free.Output));
        Assert.Equal(157, batch.Offerings.Count(o => o.Prices is [{ Prices: { Input: 0m, Output: 0m, CacheRead: null, CacheWrite: null } }]));
    }

    [Fact]
    public void Models_carry_name_window_deprecation_and_a_lab_hint_only_when_the_provider_made_them()
    {
        var batch = ReadFixture();

        var claude2 = Model(batch, "anthropic/claude-2");
        Assert.Equal(("Claude 2.0 / 2.1", 200_000, "anthropic"), (claude2.DisplayName, claude2.ContextWindow, claude2.Lab));
        Assert.Equal(200_000, Offering(batch, "anthropic/claude-2").ContextWindow);
        Assert.Equal("anthropic", Model(batch, "google/claude-opus-4-6").Lab); // Vertex serves Anthropic's model
        Assert.Equal("google", Model(batch, "google/gemma-3").Lab);
        Assert.Equal("xai", Model(batch, "x-ai/grok-4.3").Lab);
        Assert.Null(Model(batch, "openrouter/anthropic/claude-sonnet-4.5").Lab);
        Assert.Null(Model(batch, "aws/regional.anthropic.claude-opus-4-6-v1:0").Lab);
        Assert.Equal(ModelStatus.Deprecated, Model(batch, "x-ai/grok-2-1212").Status);

        var perLab = batch.Models.Where(m => m.Lab is not null).GroupBy(m => m.Lab!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["openai"] = 85,
                ["anthropic"] = 33,
                ["mistral"] = 31,
                ["google"] = 30,
                ["voyageai"] = 22,
                ["xai"] = 17,
                ["moonshotai"] = 13,
                ["zhipuai"] = 13,
                ["minimax"] = 9,
                ["perplexity"] = 9,
                ["deepseek"] = 7,
                ["cohere"] = 6,
            },
            perLab);
    }

    [Fact]
    public void Match_rules_link_real_spellings_and_refuse_others()
    {
        var batch = ReadFixture();
        var anthropic = batch.MatchRules.Where(r => r.ModelRef.StartsWith("anthropic/", StringComparison.Ordinal)).ToList();

        Assert.Equal(["anthropic/claude-3-5-haiku-latest"], anthropic.Where(r => r.Rule.Matches("claude-3.5-haiku-20241022")).Select(r => r.ModelRef));
        Assert.Equal(["anthropic/claude-3-5-haiku-latest"], anthropic.Where(r => r.Rule.Matches("claude-3-5-haiku-20241022")).Select(r => r.ModelRef));
        Assert.Equal(["anthropic/claude-3-haiku"], anthropic.Where(r => r.Rule.Matches("claude-3-haiku-20240307")).Select(r => r.ModelRef));
        Assert.False(Rule(batch, "anthropic/claude-3-5-haiku-latest").Matches("claude-haiku-4-5"));
        Assert.DoesNotContain(anthropic, r => r.Rule.Matches("gpt-4o"));

        var grok43 = Rule(batch, "x-ai/grok-4.3");
        Assert.True(grok43.Matches("grok-4.3-20260101"));
        Assert.True(grok43.Matches("x-ai/grok-4.3-20260101"));
        Assert.True(grok43.Matches("GROK-4.3")); // equals ignores case …
        Assert.False(grok43.Matches("GROK-4.3-20260101")); // … genai-prices' regex does not
        Assert.False(grok43.Matches("grok-4.3-2026"));
        Assert.IsType<MatchRule.OrRule>(grok43);
        Assert.Contains(new MatchRule.CaseSensitiveRegexRule(@"^grok-4\.3-\d{8}$"), ((MatchRule.OrRule)grok43).Rules);
    }

    [Fact]
    public void Each_model_id_matches_its_own_rule_alone_except_the_43_python_also_finds()
    {
        var batch = ReadFixture();
        var rulesByProvider = batch.Offerings.Zip(batch.MatchRules).GroupBy(x => x.First.Provider).ToList();

        var notExactlyOwn = 0;
        foreach (var provider in rulesByProvider)
        {
            foreach (var (offering, _) in provider)
            {
                var matching = provider.Where(x => x.Second.Rule.Matches(offering.ProviderModelId)).Select(x => x.First.ModelRef).ToList();
                if (matching is not [var only] || only != offering.ModelRef)
                {
                    notExactlyOwn++;
                    Assert.Empty(matching); // Python's answer for all 43: no model at all, never another one
                }
            }
        }

        Assert.Equal(43, notExactlyOwn);
    }

    [Fact]
    public void Bad_models_are_reported_with_their_json_path_and_the_rest_import()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFiles.GenAiPrices)))!.AsArray();
        var anthropicModels = root[0]!["models"]!.AsArray();
        Assert.Equal("claude-2", (string?)anthropicModels[0]!["id"]);
        anthropicModels[0]!["match"] = new JsonObject { ["sounds_like"] = "claude" };
        anthropicModels[1]!["prices"]!["input_mtok"] = "abc";
        anthropicModels[2]!["prices"] = new JsonArray(
            new JsonObject { ["prices"] = new JsonObject { ["input_mtok"] = 1 } },
            new JsonObject { ["constraint"] = new JsonObject { ["start_date"] = "2026-13-01" }, ["prices"] = new JsonObject { ["input_mtok"] = 2 } });
        anthropicModels[3]!["match"] = new JsonObject { ["regex"] = "(?P<name>claude)" };
        using var temp = new TempDirectory();
        var path = temp.File("edited.json");
        File.WriteAllText(path, root.ToJsonString());

        var batch = CatalogFiles.Read(Importer, path);

        var bad = batch.Problems.Where(p => p.Location.StartsWith("$[0]", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, bad.Count);
        Assert.Equal(new RecordProblem("$[0].models[0].match.sounds_like", "unknown match clause “sounds_like”; expected equals, starts_with, ends_with, contains, regex, or, and"), bad[0]);
        Assert.Equal(new RecordProblem("$[0].models[1].prices.input_mtok", "expected a number, found \"abc\""), bad[1]);
        Assert.Equal(new RecordProblem("$[0].models[2].prices[1].constraint.start_date", "expected a date written yyyy-MM-dd, found \"2026-13-01\""), bad[2]);
        Assert.Equal("$[0].models[3].match.regex", bad[3].Location);
        Assert.StartsWith("not a regular expression .NET can use:", bad[3].Message, StringComparison.Ordinal);
        Assert.Equal(1442 - 4, batch.Offerings.Count);
        Assert.Equal(1442 - 4, batch.Models.Count);
        Assert.Equal(1442 - 4, batch.MatchRules.Count);
        Assert.Equal($"anthropic/{(string?)anthropicModels[4]!["id"]}", batch.Offerings[0].ModelRef);
        Assert.DoesNotContain(batch.Offerings, o => o.ModelRef == "anthropic/claude-2");
    }

    [Fact]
    public void Broken_json_is_refused_naming_the_file_and_line()
    {
        var text = File.ReadAllText(SharedData.File(CatalogFiles.GenAiPrices));
        var cut = text.IndexOf("\"claude-2\"", StringComparison.Ordinal);
        using var temp = new TempDirectory();
        var path = temp.File("cut.json");
        File.WriteAllText(path, text[..cut] + "}");
        var (line, column) = CatalogFiles.Position(text, cut);

        var error = CatalogFiles.Fails(Importer, path);

        Assert.StartsWith($"{path}: not valid JSON at line {line}, byte {column} of the line: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_array_of_providers_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("object.json");
        File.WriteAllText(path, """{"providers": []}""");

        Assert.Equal($"{path}: expected an array of providers at the top level, found an object.", CatalogFiles.Fails(Importer, path).Message);
    }
}

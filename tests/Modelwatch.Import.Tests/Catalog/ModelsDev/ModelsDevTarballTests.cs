using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Tests.Catalog.ModelsDev;

/// <summary>
/// The real models.dev tree at f3fc6922, read from its tarball. Expected counts were taken from the unpacked tree
/// with find and grep, not from the importer; records were checked by hand against their TOML files.
/// </summary>
public class ModelsDevTarballTests
{
    [Fact]
    public void Counts_match_the_files_in_the_tree()
    {
        var batch = ModelsDevData.Batch();

        // find models -name '*.toml' | wc -l
        Assert.Equal(231, batch.Models.Count(m => m.CanonicalId is not null));
        Assert.All(batch.Models.Where(m => m.CanonicalId is not null), m => Assert.Equal(m.ExternalId, m.CanonicalId));

        // find providers -path '*/models/*' -name '*.toml' | wc -l gives 5,307; find -L providers -type l gives the
        // 31 symbolic links among them whose targets are not in the tree.
        Assert.Equal(5_307 - 31, batch.Offerings.Count);
        Assert.Equal(31, batch.Problems.Count(p => p.Message.Contains("symbolic link", StringComparison.Ordinal)));

        // ls providers/*/provider.toml | wc -l
        Assert.Equal(147, batch.Providers.Count);

        // grep -RlE '^base_model *=' providers | wc -l gives 1,347 offerings tied to a lab model; of the 3,929
        // without, 174 are a lab's own API at the lab model's own id (providers/<lab>/models/<id>.toml beside
        // models/<lab>/<id>.toml), which are that model; the other 3,755 are models of their own.
        Assert.Equal(1_347 + 174, batch.Offerings.Count(o => o.CanonicalId is not null));
        Assert.Equal(3_755, batch.Models.Count(m => m.CanonicalId is null));

        // grep -c '^\[\[benchmarks\]\]' over models/, summed
        Assert.Equal(288, batch.BenchmarkScores.Count);
    }

    [Fact]
    public void Ids_are_unique_and_the_commit_comes_from_the_archive()
    {
        var batch = ModelsDevData.Batch();

        Assert.Equal(batch.Models.Count, batch.Models.Select(m => m.ExternalId).Distinct().Count());
        Assert.Equal(batch.Offerings.Count, batch.Offerings.Select(o => (o.Provider, o.ProviderModelId)).Distinct().Count());
        Assert.Equal(CatalogSources.ModelsDev, batch.Source);
        Assert.Equal("f3fc692299671838c7c65fd8126bf84d81a2e817", batch.SourceVersion);
    }

    [Fact]
    public void OpenAI_gpt_5_offering_has_its_prices_and_inherits_the_lab_limits()
    {
        var offering = ModelsDevData.Batch().Offering("openai", "gpt-5");

        Assert.Equal("openai/gpt-5", offering.ModelRef);
        Assert.Equal("openai/gpt-5", offering.CanonicalId);
        var period = Assert.Single(offering.Prices);
        Assert.Null(period.EffectiveFrom);
        Assert.Equal(1.25m, period.Prices.Input);
        Assert.Equal(10m, period.Prices.Output);
        Assert.Equal(0.125m, period.Prices.CacheRead);
        Assert.Null(period.Prices.CacheWrite);
        Assert.Empty(period.Prices.Tiers);

        // The offering file has no [limit]; models/openai/gpt-5.toml has 400_000 / 272_000 / 128_000.
        Assert.Equal(400_000, offering.ContextWindow);
        Assert.Equal(272_000, offering.MaxInputTokens);
        Assert.Equal(128_000, offering.MaxOutputTokens);
        Assert.Equal(["minimal", "low", "medium", "high"], offering.ReasoningEfforts);
    }

    [Fact]
    public void OpenAI_gpt_5_lab_model_has_its_facts_and_benchmarks()
    {
        var batch = ModelsDevData.Batch();
        var model = batch.Model("openai/gpt-5");

        Assert.Equal("openai", model.Lab);
        Assert.Equal("GPT-5", model.DisplayName);
        Assert.Equal("gpt", model.Family);
        Assert.Equal(new DateOnly(2025, 8, 7), model.ReleaseDate);
        Assert.Equal("2024-09-30", model.KnowledgeCutoff);
        Assert.Equal(LicenceClass.Proprietary, model.Licence);
        Assert.Null(model.WeightsUrl);
        Assert.Equal(400_000, model.ContextWindow);
        Assert.Equal(272_000, model.MaxInputTokens);
        Assert.Equal(128_000, model.MaxOutputTokens);
        Assert.Equal(["text", "image"], model.InputModalities);
        Assert.Equal(["text"], model.OutputModalities);
        Assert.True(model.Reasoning);
        Assert.True(model.ToolCalling);

        var scores = batch.BenchmarkScores.Where(s => s.CanonicalId == "openai/gpt-5").ToList();
        var aider = Assert.Single(scores, s => s.Benchmark == "Aider Polyglot");
        Assert.Equal(88.0, aider.Score);
        Assert.Equal("percent correct", aider.Metric);
        Assert.Equal("https://aider.chat/docs/leaderboards/", aider.SourceUrl);
        Assert.Equal(new DateOnly(2025, 8, 23), aider.AsOf);
        Assert.Null(aider.SelfReported);

        // dataset = "public" keeps the public split apart from the commercial one; no date given.
        var pro = Assert.Single(scores, s => s.Benchmark == "SWE-Bench Pro (public)");
        Assert.Equal(41.78, pro.Score);
        Assert.Null(pro.AsOf);
    }

    [Fact]
    public void A_benchmark_with_a_version_and_a_harness_keeps_both()
    {
        var scores = ModelsDevData.Batch().BenchmarkScores.Where(s => s.ModelRef == "anthropic/claude-opus-4-8").ToList();

        var terminal = Assert.Single(scores, s => s.Benchmark == "Terminal-Bench 2.1");
        Assert.Equal(74.6, terminal.Score);
        Assert.Equal("success rate", terminal.Metric);
        Assert.Equal("Terminus-2", terminal.Variant);
        Assert.Equal(new DateOnly(2026, 5, 28), terminal.AsOf);
    }

    [Fact]
    public void Open_weights_link_to_Hugging_Face_and_an_MIT_licence_makes_them_open_source()
    {
        var batch = ModelsDevData.Batch();

        var qwen = batch.Model("alibaba/qwen3-235b-a22b");
        Assert.Equal(LicenceClass.OpenWeights, qwen.Licence);
        Assert.Null(qwen.LicenceId);
        Assert.Equal("https://huggingface.co/Qwen/Qwen3-235B-A22B", qwen.WeightsUrl);
        Assert.Equal(131_072, qwen.ContextWindow);

        // release_date = "2025-04": a month reads as its first day; the cutoff keeps the month as written.
        Assert.Equal(new DateOnly(2025, 4, 1), qwen.ReleaseDate);
        Assert.Equal("2025-04", qwen.KnowledgeCutoff);

        // One of the four lab models with a licence (all four deepreinforce, license = "MIT").
        var ornith = batch.Model("deepreinforce/ornith-1.0-35b");
        Assert.Equal(LicenceClass.OpenSource, ornith.Licence);
        Assert.Equal("MIT", ornith.LicenceId);
        Assert.Equal("https://huggingface.co/deepreinforce-ai/Ornith-1.0-35B", ornith.WeightsUrl);
        Assert.Equal(4, batch.Models.Count(m => m.LicenceId is not null));
    }

    [Fact]
    public void Context_tiers_become_price_tiers_with_or_without_a_type()
    {
        var batch = ModelsDevData.Batch();

        // tier = { type = "context", size = 272_000 }, input 5, output 22.5, cache_read 0.5
        var copilot = Assert.Single(batch.Offering("github-copilot", "gpt-5.4").Prices).Prices;
        Assert.Equal((2.5m, 15m, 0.25m), (copilot.Input!.Value, copilot.Output!.Value, copilot.CacheRead!.Value));
        Assert.Equal([new PriceTier(272_000, 5m, 22.5m, 0.5m, null)], copilot.Tiers);

        // tier = { size = 272_000 }, input = 5.000, output = 22.500; cache_write = 0 is a price of zero, not absent.
        var a302 = Assert.Single(batch.Offering("302ai", "gpt-5.4").Prices).Prices;
        Assert.Equal(0m, a302.CacheWrite);
        Assert.Equal([new PriceTier(272_000, 5m, 22.5m)], a302.Tiers);

        // grep -Rl '^\[\[cost.tiers\]\]' providers | wc -l
        Assert.Equal(190, batch.Offerings.Count(o => o.Prices.Any(p => p.Prices.Tiers.Count > 0)));
    }

    [Fact]
    public void Digit_separators_and_a_shared_file_behind_a_link_read_as_numbers()
    {
        var batch = ModelsDevData.Batch();

        // providers/alibaba-cn/models/qwen3-coder-plus.toml links to ../../alibaba/models/qwen3-coder-plus.toml:
        // context = 1_048_576, output = 65_536, cost 1 / 5.
        foreach (var provider in (string[])["alibaba", "alibaba-cn"])
        {
            var offering = batch.Offering(provider, "qwen3-coder-plus");
            Assert.Equal(1_048_576, offering.ContextWindow);
            Assert.Equal(65_536, offering.MaxOutputTokens);
            var prices = Assert.Single(offering.Prices).Prices;
            Assert.Equal((1m, 5m), (prices.Input!.Value, prices.Output!.Value));
        }

        // alibaba serves its own lab model at its own id; alibaba-cn's copy is a model of its own for matching,
        // with no lab hint because alibaba-cn also serves other labs' models.
        Assert.Equal("alibaba/qwen3-coder-plus", batch.Offering("alibaba", "qwen3-coder-plus").CanonicalId);
        var cn = batch.Model("alibaba-cn/qwen3-coder-plus");
        Assert.Null(cn.CanonicalId);
        Assert.Null(cn.Lab);
        Assert.Equal("Qwen3 Coder Plus", cn.DisplayName);
        Assert.Equal(1_048_576, cn.ContextWindow);
    }

    [Fact]
    public void An_offering_without_base_model_is_a_model_with_a_lab_hint_when_its_host_is_the_lab()
    {
        var batch = ModelsDevData.Batch();

        // providers/openai/models/gpt-5.3-codex-spark.toml has no base_model and models/openai/ has no such file.
        var spark = batch.Model("openai/gpt-5.3-codex-spark");
        Assert.Null(spark.CanonicalId);
        Assert.Equal("openai", spark.Lab);
        Assert.Equal("openai/gpt-5.3-codex-spark", batch.Offering("openai", "gpt-5.3-codex-spark").ModelRef);
        Assert.Null(batch.Offering("openai", "gpt-5.3-codex-spark").CanonicalId);

        // A gateway's id keeps its sub-folders; NVIDIA hosts many labs, so no lab hint.
        var nvidia = batch.Model("nvidia/qwen/qwen3-coder-480b-a35b-instruct");
        Assert.Null(nvidia.Lab);
        Assert.Equal("qwen/qwen3-coder-480b-a35b-instruct", batch.Offering("nvidia", "qwen/qwen3-coder-480b-a35b-instruct").ProviderModelId);
    }

    [Fact]
    public void A_labs_own_deprecation_becomes_the_models_status()
    {
        var batch = ModelsDevData.Batch();

        // providers/google/models/gemini-2.0-flash.toml: status = "deprecated", beside models/google/gemini-2.0-flash.toml.
        Assert.Equal(ModelStatus.Deprecated, batch.Model("google/gemini-2.0-flash").Status);
        Assert.Null(batch.Model("openai/gpt-5").Status);

        // providers/anthropic/models/claude-3-opus-20240229.toml: deprecated, and not in models/anthropic/.
        Assert.Equal(ModelStatus.Deprecated, batch.Model("anthropic/claude-3-opus-20240229").Status);
    }

    [Fact]
    public void Bad_dates_are_reported_with_file_line_and_field_and_the_record_still_imports()
    {
        var batch = ModelsDevData.Batch();

        // Found by checking every release_date, knowledge and benchmark date in the tree with Python's calendar.
        Assert.Contains(new RecordProblem("providers/scaleway/models/qwen3-embedding-8b.toml:3 release_date",
            "expected a date YYYY-MM-DD or YYYY-MM, found the string \"2025-25-11\"."), batch.Problems);
        Assert.Contains(new RecordProblem("providers/azure/models/claude-haiku-4-5.toml:9 knowledge",
            "expected a date YYYY-MM-DD or YYYY-MM, found the string \"2025-02-31\"."), batch.Problems);
        Assert.Contains(batch.Problems, p => p.Location == "providers/azure-cognitive-services/models/claude-haiku-4-5.toml:12 knowledge");
        Assert.Equal(31 + 3, batch.Problems.Count);

        var embedding = batch.Model("scaleway/qwen3-embedding-8b");
        Assert.Null(embedding.ReleaseDate);
        Assert.Equal("Qwen3 Embedding 8B", embedding.DisplayName);
    }

    [Fact]
    public void A_link_whose_target_is_gone_is_reported_by_its_own_path()
    {
        var problem = Assert.Single(ModelsDevData.Batch().Problems, p => p.Location == "providers/zhipuai/models/glm-4.6v-flash.toml");

        Assert.Contains("\"../../zai/models/glm-4.6v-flash.toml\"", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelsDevData.Batch().Offerings, o => o.Provider == "zhipuai" && o.ProviderModelId == "glm-4.6v-flash");
    }

    [Fact]
    public void Providers_have_their_display_names()
    {
        var providers = ModelsDevData.Batch().Providers;

        var openai = Assert.Single(providers, p => p.Id == "openai");
        Assert.Equal("OpenAI", openai.Name);
        Assert.Equal("https://platform.openai.com/docs/models", openai.DocUrl);
        Assert.Null(openai.ApiUrl);
        Assert.Equal(123, providers.Count(p => p.ApiUrl is not null));
        Assert.Contains(providers, p => p.Id == "amazon-bedrock" && p.Name == "Amazon Bedrock");
    }
}

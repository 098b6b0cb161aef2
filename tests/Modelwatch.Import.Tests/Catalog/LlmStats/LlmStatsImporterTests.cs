using System.Formats.Tar;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.LlmStats;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.LlmStats;

/// <summary>
/// LLMStats @ df1d14ed. Counted with python3 on the extracted tree: 126 model.json, 1,728 benchmark results (1,617
/// self-reported, 111 not), 19 provider.json with 185 offerings; one model (openai/o1-pro) dates two results "2024-03",
/// one offering (deepinfra llama-3.2-3b-instruct) is dated "2025-1-2".
/// </summary>
public sealed class LlmStatsImporterTests
{
    private static readonly LlmStatsImporter Importer = new();

    [Fact]
    public void The_tarball_gives_every_model_score_and_offering()
    {
        using var input = Input(LlmStatsFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(CatalogSources.LlmStats, batch.Source);
        Assert.Equal(126, batch.Models.Count);
        Assert.Equal(126, batch.Models.Select(m => m.ExternalId).Distinct().Count());
        Assert.Equal(1728, batch.BenchmarkScores.Count);
        Assert.Equal(1617, batch.BenchmarkScores.Count(s => s.SelfReported == true));
        Assert.Equal(111, batch.BenchmarkScores.Count(s => s.SelfReported == false));
        Assert.Equal(185, batch.Offerings.Count);

        // The only bad fields in the tree: o1-pro's two results dated by month only, kept without a date.
        Assert.Equal(2, batch.Problems.Count);
        Assert.All(batch.Problems, p =>
        {
            Assert.StartsWith("models/openai/o1-pro/model.json $.qualitative_metrics[", p.Location, StringComparison.Ordinal);
            Assert.EndsWith("].date_recorded", p.Location, StringComparison.Ordinal);
            Assert.Contains("\"2024-03\"; expected a date yyyy-MM-dd. The score is kept without a date", p.Message, StringComparison.Ordinal);
        });
        Assert.Equal(2, batch.BenchmarkScores.Count(s => s.ModelRef == "openai/o1-pro" && s.AsOf is null));
    }

    [Fact]
    public void Hand_checked_models()
    {
        using var input = Input(LlmStatsFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        // models/qwen/qwen3-235b-a22b/model.json: "Apache 2.0", param_count 235000000000, 128000/128000, 2025-04-29.
        var qwen3 = Model(batch, "qwen/qwen3-235b-a22b");
        Assert.Equal("Qwen3 235B A22B", qwen3.DisplayName);
        Assert.Equal("alibaba", qwen3.Lab);
        Assert.Equal((LicenceClass.OpenSource, "Apache-2.0"), (qwen3.Licence!.Value, qwen3.LicenceId));
        Assert.Equal(235_000_000_000L, qwen3.TotalParameters);
        Assert.Equal(22_000_000_000L, qwen3.ActiveParameters); // from "-a22b" in the id
        Assert.Equal(ModelArchitecture.MixtureOfExperts, qwen3.Architecture);
        Assert.Equal((128_000, 128_000), (qwen3.ContextWindow!.Value, qwen3.MaxOutputTokens!.Value));
        Assert.Equal(new DateOnly(2025, 4, 29), qwen3.ReleaseDate);
        Assert.Equal("https://huggingface.co/Qwen/Qwen3-235B-A22B", qwen3.WeightsUrl);

        var llama = Model(batch, "meta/llama-3.1-405b-instruct");
        Assert.Equal((LicenceClass.OpenWeights, "Llama 3.1 Community License"), (llama.Licence!.Value, llama.LicenceId));
        Assert.Equal(405_000_000_000L, llama.TotalParameters);
        Assert.Null(llama.ActiveParameters);
        Assert.Null(llama.Architecture);
        Assert.Equal("2023-12", llama.KnowledgeCutoff);

        Assert.Equal(73_400_000_000L, Model(batch, "qwen/qvq-72b-preview").TotalParameters); // written 73400000000.0
        Assert.Equal(ModelArchitecture.MixtureOfExperts, Model(batch, "microsoft/phi-3.5-moe-instruct").Architecture);
        var gpt41 = Model(batch, "openai/gpt-4.1-2025-04-14");
        Assert.Equal((LicenceClass.Proprietary, "Proprietary", 1_047_576), (gpt41.Licence!.Value, gpt41.LicenceId, gpt41.ContextWindow!.Value));
        Assert.Null(gpt41.TotalParameters);
        Assert.Null(Model(batch, "amazon/nova-pro").TotalParameters); // no param_count at all

        // Licence spellings meet: "apache-2.0", "Apache-2.0" and "Apache 2.0" are one id; "MIT License" is MIT.
        Assert.Equal("Apache-2.0", Model(batch, "qwen/qwq-32b").LicenceId);
        Assert.Equal("Apache-2.0", Model(batch, "mistral/mistral-small-24b-instruct-2501").LicenceId);
        Assert.Equal((LicenceClass.OpenSource, "MIT"), (Model(batch, "deepseek/deepseek-r1").Licence!.Value, Model(batch, "deepseek/deepseek-r1").LicenceId));
        Assert.Equal(LicenceClass.OpenWeights, Model(batch, "deepseek/deepseek-v3").Licence); // "MIT + Model License (…)"
    }

    [Fact]
    public void Scores_keep_the_self_reported_flag_source_and_date()
    {
        using var input = Input(LlmStatsFile);
        var scores = Importer.Read(input, TestContext.Current.CancellationToken).BenchmarkScores;

        // command-r-plus-04-2024: {"dataset_name": "ARC-C", "score": 0.7099, "is_self_reported": false,
        //   "analysis_method": "Standardized Evaluation", "date_recorded": "2024-08-30", "source_link": "https://huggingface.co/CohereForAI/c4ai-command-r-plus"}
        var arc = Single(scores, s => s.ModelRef == "cohere/command-r-plus-04-2024" && s.Benchmark == "ARC-C", "score");
        Assert.Equal(0.7099, arc.Score);
        Assert.False(arc.SelfReported);
        Assert.Equal("Standardized Evaluation", arc.Metric);
        Assert.Equal(new DateOnly(2024, 8, 30), arc.AsOf);
        Assert.Equal("https://huggingface.co/CohereForAI/c4ai-command-r-plus", arc.SourceUrl);

        // qwen2.5-vl-7b: MMMU 0.586, self-reported, 2025-01-26.
        var mmmu = Single(scores, s => s.ModelRef == "qwen/qwen2.5-vl-7b" && s.Benchmark == "MMMU", "score");
        Assert.Equal((0.586, true, new DateOnly(2025, 1, 26)), (mmmu.Score, mmmu.SelfReported!.Value, mmmu.AsOf!.Value));
        Assert.Equal(32, scores.Count(s => s.ModelRef == "qwen/qwen2.5-vl-7b"));
    }

    [Fact]
    public void Provider_prices_become_dated_offerings_per_million()
    {
        using var input = Input(LlmStatsFile);
        var offerings = Importer.Read(input, TestContext.Current.CancellationToken).Offerings;

        // providers/openai: gpt-4o-2024-08-06 at 0.0000025 / 0.00001 per token, updated_at 2024-09-09.
        var gpt4o = Single(offerings, o => o.Provider == "openai" && o.ProviderModelId == "gpt-4o-2024-08-06", "offering");
        Assert.Equal("openai/gpt-4o-2024-08-06", gpt4o.ModelRef);
        var period = Assert.Single(gpt4o.Prices);
        Assert.Equal(new DateOnly(2024, 9, 9), period.EffectiveFrom);
        Assert.Equal((2.5m, 10m), (period.Prices.Input!.Value, period.Prices.Output!.Value));

        // providers/bedrock under models.dev's slug; every offering's model is in the tree.
        var bedrock = Single(offerings, o => o.Provider == "amazon-bedrock" && o.ProviderModelId == "claude-3-5-sonnet-20241022", "offering");
        Assert.Equal("anthropic/claude-3-5-sonnet-20241022", bedrock.ModelRef);
        Assert.Equal((3m, 15m), (bedrock.Prices[0].Prices.Input!.Value, bedrock.Prices[0].Prices.Output!.Value));
        Assert.All(offerings, o => Assert.Contains('/', o.ModelRef));
        Assert.Equal(19, offerings.Select(o => o.Provider).Distinct().Count());

        // deepinfra's llama-3.2-3b-instruct: "updated_at": "2025-1-2", the one unpadded date; 1.5e-08 / 2.5e-08 per token.
        var small = Single(offerings, o => o.Provider == "deepinfra" && o.ProviderModelId == "llama-3.2-3b-instruct", "offering");
        Assert.Equal((new DateOnly(2025, 1, 2), 0.015m, 0.025m), (small.Prices[0].EffectiveFrom!.Value, small.Prices[0].Prices.Input!.Value, small.Prices[0].Prices.Output!.Value));
    }

    [Fact]
    public void The_extracted_directory_reads_like_the_tarball()
    {
        using var dir = new TempDirectory();
        TarFile.ExtractToDirectory(Decompressed(SharedData.File(LlmStatsFile)), dir.Path, overwriteFiles: false);
        using var tarball = Input(LlmStatsFile);
        using var directory = CatalogInput.FromPath(dir.Path);

        var fromTar = Importer.Read(tarball, TestContext.Current.CancellationToken);
        var fromDir = Importer.Read(directory, TestContext.Current.CancellationToken);

        Assert.Equal(fromTar.Models, fromDir.Models, ModelEquality.Instance);
        Assert.Equal(fromTar.BenchmarkScores, fromDir.BenchmarkScores);
        Assert.Equal(fromTar.Offerings.Select(o => (o.Provider, o.ProviderModelId, o.ModelRef)), fromDir.Offerings.Select(o => (o.Provider, o.ProviderModelId, o.ModelRef)));
        Assert.Equal(fromTar.Problems, fromDir.Problems);
    }

    internal static MemoryStream Decompressed(string tarGz)
    {
        using var file = File.OpenRead(tarGz);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        var tar = new MemoryStream();
        gzip.CopyTo(tar);
        tar.Position = 0;
        return tar;
    }

    /// <summary>Source models compared by their facts (records compare modality lists by reference).</summary>
    private sealed class ModelEquality : IEqualityComparer<SourceModel>
    {
        public static readonly ModelEquality Instance = new();

        public bool Equals(SourceModel? x, SourceModel? y) =>
            x is not null && y is not null && x.ExternalId == y.ExternalId && x.Lab == y.Lab && x.Facts().SequenceEqual(y.Facts());

        public int GetHashCode(SourceModel obj) => obj.ExternalId.GetHashCode(StringComparison.Ordinal);
    }
}

using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Aider;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.Aider;

/// <summary>Aider's polyglot leaderboard @ 5dc9490b: 69 runs (counted with python3 and yaml.safe_load).</summary>
public sealed class AiderImporterTests
{
    private static readonly AiderImporter Importer = new();

    [Fact]
    public void Every_run_is_one_score_under_its_litellm_id()
    {
        using var input = Input(AiderFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Empty(batch.Problems);
        Assert.Equal(CatalogSources.Aider, batch.Source);
        Assert.Equal(69, batch.BenchmarkScores.Count);
        Assert.All(batch.BenchmarkScores, s =>
        {
            Assert.Equal(("aider-polyglot", "pass_rate_2", "https://aider.chat/docs/leaderboards/"), (s.Benchmark, s.Metric, s.SourceUrl));
            Assert.False(s.SelfReported);
            Assert.NotNull(s.AsOf);
            Assert.NotNull(s.Variant);
            Assert.InRange(s.Score, 0, 100);
        });

        // Runs of one id at one setting are told apart by their date (deepseek/deepseek-chat served V2.5, V3, V3.2).
        Assert.Equal(69, batch.BenchmarkScores.Select(s => (s.ModelRef, s.Variant, s.AsOf)).Distinct().Count());
        Assert.Equal(4, batch.BenchmarkScores.Count(s => s.ModelRef == "deepseek/deepseek-chat"));
        Assert.Empty(batch.Models);
    }

    [Fact]
    public void Hand_checked_runs()
    {
        using var input = Input(AiderFile);
        var scores = Importer.Read(input, TestContext.Current.CancellationToken).BenchmarkScores;

        // command: aider --model gpt-4o-mini-2024-07-18; edit_format whole; pass_rate_2 3.6; date 2024-12-21
        var mini = Single(scores, s => s.ModelRef == "gpt-4o-mini-2024-07-18", "run");
        Assert.Equal((3.6, "whole", new DateOnly(2024, 12, 21)), (mini.Score, mini.Variant!, mini.AsOf!.Value));

        // The provider prefix stays: it is part of the LiteLLM call string.
        Assert.Equal(35.6, Single(scores, s => s.ModelRef == "gemini/gemini-2.0-pro-exp-02-05", "run").Score);
        Assert.Equal(79.6, Single(scores, s => s.ModelRef == "openrouter/x-ai/grok-4", "run").Score);

        // Reasoning effort and thinking budget from the command line …
        var o3mini = Single(scores, s => s.ModelRef == "o3-mini" && s.Variant == "diff, reasoning effort high", "run");
        Assert.Equal(60.4, o3mini.Score);
        Assert.Equal(53.8, Single(scores, s => s.ModelRef == "o3-mini" && s.Variant == "diff", "run").Score);
        var sonnet37 = Single(scores, s => s.ModelRef == "anthropic/claude-3-7-sonnet-20250219", "run");
        Assert.Equal((64.9, "diff, thinking 32768 tokens"), (sonnet37.Score, sonnet37.Variant!)); // --thinking-tokens 32k

        // … or from the run's fields (gpt-5 at three efforts; gemini flash with thinking off).
        var gpt5 = scores.Where(s => s.ModelRef == "openai/gpt-5").ToDictionary(s => s.Variant!, s => s.Score);
        Assert.Equal(88.0, gpt5["diff, reasoning effort high"]);
        Assert.Equal(86.7, gpt5["diff, reasoning effort medium"]);
        Assert.Equal(81.3, gpt5["diff, reasoning effort low"]);
        Assert.Equal(44.0, Single(scores, s => s.ModelRef == "gemini/gemini-2.5-flash-preview-05-20" && s.Variant == "diff, no thinking", "run").Score);
        Assert.Equal(61.3, Single(scores, s => s.ModelRef == "claude-sonnet-4-20250514" && s.Variant == "diff, thinking 32000 tokens", "run").Score);
    }

    [Fact]
    public void Commands_with_environment_comments_and_aider_aliases()
    {
        using var input = Input(AiderFile);
        var scores = Importer.Read(input, TestContext.Current.CancellationToken).BenchmarkScores;

        // "OPENAI_API_BASE=https://dashscope-intl.aliyuncs.com/compatible-mode/v1 aider --model openai/qwen-max-2025-01-25"
        Assert.Equal(21.8, Single(scores, s => s.ModelRef == "openai/qwen-max-2025-01-25", "run").Score);

        // "aider --model openai/Qwen/Qwen2.5-Coder-32B-Instruct # via hyperbolic"
        Assert.Equal(8.0, Single(scores, s => s.ModelRef == "openai/Qwen/Qwen2.5-Coder-32B-Instruct", "run").Score);

        // "aider --model sonnet" on 2025-02-24: aider's alias, so the run's model name without "(no thinking)".
        var sonnet = Single(scores, s => s.ModelRef == "claude-3-7-sonnet-20250219", "run");
        Assert.Equal((60.4, "diff"), (sonnet.Score, sonnet.Variant!));
        Assert.DoesNotContain(scores, s => s.ModelRef is "sonnet" or "r1");

        // "aider --architect --model r1 --editor-model sonnet", editor_edit_format editor-diff.
        var r1 = Single(scores, s => s.ModelRef == "DeepSeek R1" && s.Variant!.StartsWith("architect", StringComparison.Ordinal), "run");
        Assert.Equal((64.0, "architect, editor claude-3-5-sonnet-20241022 (editor-diff)"), (r1.Score, r1.Variant!));
        var o3 = Single(scores, s => s.ModelRef == "o3" && s.Variant!.StartsWith("architect", StringComparison.Ordinal), "run");
        Assert.Equal((78.2, "architect, reasoning effort high, editor gpt-4.1 (editor-diff)"), (o3.Score, o3.Variant!));
    }

    [Theory]
    [InlineData("aider --model o3 --reasoning-effort high", "o3", null, "high", null, false)]
    [InlineData("aider --model=gemini/gemini-2.5-pro --thinking-tokens=8k", "gemini/gemini-2.5-pro", null, null, 8192L, false)]
    [InlineData("aider --architect --model r1 --editor-model sonnet", "r1", "sonnet", null, null, true)]
    [InlineData("A=1 B=2 aider --model x # --model y", "x", null, null, null, false)]
    public void Command_lines(string command, string model, string? editor, string? effort, long? thinking, bool architect)
    {
        Assert.Equal(new AiderCommand(model, editor, effort, thinking, architect), AiderCommand.Parse(command));
    }

    [Theory]
    [InlineData("python benchmark.py --model x")]
    [InlineData("   ")]
    public void Not_an_aider_command(string command) => Assert.Null(AiderCommand.Parse(command));
}

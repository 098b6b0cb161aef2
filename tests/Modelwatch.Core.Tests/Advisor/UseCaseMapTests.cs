using Modelwatch.Core.Advisor;

namespace Modelwatch.Core.Tests.Advisor;

public sealed class UseCaseMapTests
{
    [Fact]
    public void Every_use_case_ends_with_the_full_board_so_some_source_always_rates_it()
    {
        foreach (var useCase in Enum.GetValues<UseCase>())
        {
            var profile = UseCaseMap.For(useCase, "korean");
            Assert.Equal(UseCaseMap.Full, profile.Categories[^1]);
            Assert.Equal(profile.Categories.Count, profile.Categories.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Coding_prefers_the_coding_board_then_hard_prompts()
    {
        Assert.Equal(["coding", "hard_6", "full"], UseCaseMap.For(UseCase.Coding).Categories);
    }

    [Fact]
    public void A_language_maps_to_its_board_by_lower_case_name_and_without_one_to_full()
    {
        Assert.Equal(["korean", "full"], UseCaseMap.For(UseCase.Language, " Korean ").Categories);
        Assert.Equal(["full"], UseCaseMap.For(UseCase.Language, null).Categories);
    }

    [Fact]
    public void Use_cases_imply_the_constraints_they_cannot_work_without()
    {
        Assert.Equal(UseCaseMap.LongDocumentContext, UseCaseMap.For(UseCase.LongDocuments).Implied.MinContext);
        Assert.Equal(["image"], UseCaseMap.For(UseCase.Multimodal).Implied.InputModalities);
        Assert.True(UseCaseMap.For(UseCase.AgenticToolUse).Implied.ToolCalling);
        Assert.Equal(new AdvisorConstraints().MinContext, UseCaseMap.For(UseCase.General).Implied.MinContext);
    }

    [Fact]
    public void Merging_keeps_the_stricter_constraint_and_names_each_one_the_use_case_added()
    {
        var implied = UseCaseMap.For(UseCase.LongDocuments).Implied;

        var (looser, looserNotes) = UseCaseMap.Merge(new AdvisorConstraints { MinContext = 32_000 }, implied, UseCase.LongDocuments);
        var (stricter, stricterNotes) = UseCaseMap.Merge(new AdvisorConstraints { MinContext = 1_000_000 }, implied, UseCase.LongDocuments);

        Assert.Equal(UseCaseMap.LongDocumentContext, looser.MinContext);
        Assert.Single(looserNotes);
        Assert.Contains("128,000", looserNotes[0], StringComparison.Ordinal);
        Assert.Equal(1_000_000, stricter.MinContext);
        Assert.Empty(stricterNotes);
    }

    [Fact]
    public void Merging_modalities_and_tool_calling_adds_only_what_is_missing()
    {
        var (merged, notes) = UseCaseMap.Merge(new AdvisorConstraints { InputModalities = ["Audio", "image"] }, UseCaseMap.For(UseCase.Multimodal).Implied, UseCase.Multimodal);
        Assert.Equal(["audio", "image"], merged.InputModalities);
        Assert.Empty(notes);

        var (agentic, agenticNotes) = UseCaseMap.Merge(new AdvisorConstraints(), UseCaseMap.For(UseCase.AgenticToolUse).Implied, UseCase.AgenticToolUse);
        Assert.True(agentic.ToolCalling);
        Assert.Single(agenticNotes);
    }

    [Theory]
    [InlineData("aider-polyglot", "Aider Polyglot")]
    [InlineData("Aider-Polyglot", "Aider Polyglot")]
    [InlineData("SWE-Bench Verified", "SWE-bench Verified")]
    public void Benchmark_spellings_of_one_benchmark_meet(string stored, string profile)
    {
        Assert.Equal(UseCaseMap.BenchmarkKey(profile), UseCaseMap.BenchmarkKey(stored));
    }

    [Fact]
    public void Different_benchmarks_stay_apart()
    {
        Assert.NotEqual(UseCaseMap.BenchmarkKey("Aider-Polyglot Edit"), UseCaseMap.BenchmarkKey("Aider Polyglot"));
        Assert.NotEqual(UseCaseMap.BenchmarkKey("AIME 2024"), UseCaseMap.BenchmarkKey("AIME 2025"));
    }

    [Fact]
    public void Language_names_tell_language_boards_from_other_categories()
    {
        Assert.Contains("korean", UseCaseMap.LanguageNames);
        Assert.DoesNotContain("hard_english_6", UseCaseMap.LanguageNames);
        Assert.DoesNotContain("coding", UseCaseMap.LanguageNames);
    }
}

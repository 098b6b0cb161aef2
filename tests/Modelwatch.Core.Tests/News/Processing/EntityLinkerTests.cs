using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class EntityLinkerTests
{
    private static readonly EntityLinker Linker = new(
    [
        new("GPT-4o", EntityKindCode.Model, "openai/gpt-4o"),
        new("GPT-4o mini", EntityKindCode.Model, "openai/gpt-4o-mini"),
        new("gpt-4o-mini", EntityKindCode.Model, "openai/gpt-4o-mini"),
        new("o1", EntityKindCode.Model, "openai/o1"),
        new("o1-preview", EntityKindCode.Model, "openai/o1-preview"),
        new("DeepSeek-R1", EntityKindCode.Model, "deepseek/deepseek-r1"),
        new("R1", EntityKindCode.Model, "deepseek/deepseek-r1"),
        new("Phi", EntityKindCode.Model, "microsoft/phi-4"),
        new("OpenAI", EntityKindCode.Lab, "OpenAI"),
        new("Mistral", EntityKindCode.Lab, "Mistral AI"),
        new("Mistral", EntityKindCode.Model, "mistral/mistral-7b"),
        new("Gemini", EntityKindCode.Lab, "Google"),
        new("Gemini", EntityKindCode.Model, "google/gemini-pro"),
        new("Llama", EntityKindCode.Model, "meta/llama-3-8b"),
        new("Llama", EntityKindCode.Model, "meta/llama-3-70b"),
        new("The", EntityKindCode.Model, "bogus/the"),
    ]);

    private static string[] Ids(string text) => [.. Linker.Find(text).Select(m => m.EntityId)];

    [Fact]
    public void Longest_alias_wins_and_case_and_punctuation_do_not_matter()
    {
        Assert.Equal(["openai/gpt-4o-mini"], Ids("Today GPT-4o mini gets cheaper"));
        Assert.Equal(["openai/gpt-4o-mini"], Ids("gpt-4o-mini is here"));
        Assert.Equal(["openai/gpt-4o"], Ids("We compared gpt 4o with itself"));
        Assert.Equal(["OpenAI", "openai/gpt-4o", "openai/o1-preview"], Ids("OpenAI: GPT-4o and o1-preview, side by side"));
    }

    [Fact]
    public void Matches_stop_at_word_boundaries_and_report_where_they_are()
    {
        Assert.Empty(Ids("GPT-4omega and openaiX are not models"));
        var text = "Benchmarks for DeepSeek-R1 (and GPT-4o).";
        foreach (var match in Linker.Find(text))
        {
            Assert.Equal(match.Mention, text.Substring(match.Start, match.Length));
        }

        Assert.Equal(["DeepSeek-R1", "GPT-4o"], Linker.Find(text).Select(m => m.Mention));
    }

    [Fact]
    public void Short_aliases_must_match_in_their_own_case()
    {
        Assert.Equal(["openai/o1"], Ids("Reasoning with o1 on math"));
        Assert.Empty(Ids("The O1 visa and the r1 form"));
        Assert.Equal(["deepseek/deepseek-r1"], Ids("R1 beats it"));
        Assert.Empty(Ids("phi is a ratio in this physics abstract"));
        Assert.Equal(["microsoft/phi-4"], Ids("Phi runs on a phone"));
    }

    [Fact]
    public void Ambiguous_aliases_link_the_lab_or_nothing()
    {
        Assert.Equal([EntityKindCode.Lab], Linker.Find("Gemini gets an update").Select(m => m.Kind));
        Assert.Equal(["Google"], Ids("Gemini gets an update"));
        Assert.Equal(["Mistral AI"], Ids("mistral ships a model"));
        Assert.Empty(Ids("Llama is everywhere")); // two Llama models, no lab among them
        Assert.Empty(Ids("The model of the year"));
    }

    [Fact]
    public void No_aliases_or_no_text_find_nothing()
    {
        Assert.Empty(new EntityLinker([]).Find("GPT-4o"));
        Assert.Empty(Linker.Find(null));
        Assert.Empty(Linker.Find(""));
    }
}

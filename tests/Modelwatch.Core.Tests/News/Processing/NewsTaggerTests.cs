using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class NewsTaggerTests
{
    [Theory]
    [InlineData("Introducing Mistral Medium 3.5", null, NewsTags.Release)]
    [InlineData("Llama 4 weights now on Hugging Face", "Released under a permissive license.", NewsTags.Release | NewsTags.OpenWeights)]
    [InlineData("New state-of-the-art on SWE-bench Verified", null, NewsTags.Benchmark)]
    [InlineData("Lab raises $2B Series C at a $30B valuation", null, NewsTags.Funding | NewsTags.Pricing)]
    [InlineData("EU AI Act obligations for general-purpose models start", null, NewsTags.Policy)]
    [InlineData("API prices drop to $0.10 per million tokens", null, NewsTags.Pricing | NewsTags.Tooling)]
    [InlineData("A Python SDK for agents", null, NewsTags.Tooling)]
    [InlineData("Thoughts on a quiet week", "Nothing much happened, we went for a walk.", NewsTags.None)]
    public void Titles_and_leads_get_their_themes(string title, string? text, NewsTags expected) =>
        Assert.Equal(expected, NewsTagger.Tag(title, text, NewsSourceKind.Feed));

    [Fact]
    public void The_source_kind_adds_what_it_always_is()
    {
        Assert.True(NewsTagger.Tag("Sparse attention for long contexts", null, NewsSourceKind.Arxiv).HasFlag(NewsTags.Paper));
        Assert.Equal(NewsTags.Release | NewsTags.Tooling, NewsTagger.Tag("b6123", null, NewsSourceKind.GitHubReleases));
        Assert.Equal(NewsTags.None, NewsTagger.Tag("Sparse attention for long contexts", null, NewsSourceKind.Feed));
    }

    [Fact]
    public void Only_the_lead_of_a_long_text_counts()
    {
        var late = new string('x', NewsTagger.LeadCharacters) + " open weights";
        Assert.Equal(NewsTags.None, NewsTagger.Tag("A post", late, NewsSourceKind.Feed));
        Assert.Equal(NewsTags.OpenWeights, NewsTagger.Tag("A post", "open weights " + late, NewsSourceKind.Feed));
    }
}

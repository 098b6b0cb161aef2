using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Votes;

public class VoteCategoriesTests
{
    [Fact]
    public void The_140k_file_offers_the_built_in_boards_and_every_tag()
    {
        var votes = TestVotes.Arena140k();

        var available = VoteCategories.Available(votes);

        Assert.Equal(
            ["full", "no_tie", "hard_6", "specificity", "domain_knowledge", "complexity", "problem_solving", "creativity",
             "technical_accuracy", "real_world", "creative_writing", "if", "math"],
            available);
    }

    // Counted over all rows, as the shared README counts them (self-votes included).
    [Theory]
    [InlineData("full", 135_634)]
    [InlineData("hard_6", 50_884)]
    [InlineData("math", 10_892)]
    [InlineData("creative_writing", 11_587)]
    [InlineData("if", 24_666)]
    [InlineData("no_tie", 98_348)]
    public void Category_sizes_match_the_shared_readme(string category, int expected)
    {
        var votes = TestVotes.Arena140k();

        var inCategory = VoteCategories.Filter(votes, category);

        Assert.Equal(expected, Enumerable.Range(0, votes.Count).Count(inCategory));
    }

    [Fact]
    public void Hard_6_is_not_offered_without_all_seven_criteria_tags()
    {
        var t = new VoteCleaningTests.TableBuilder();
        t.Vote("x", "y", tags: ["specificity", "math"]);
        var votes = t.Build();

        Assert.Equal(["full", "no_tie", "specificity", "math"], VoteCategories.Available(votes));
        var error = Assert.Throws<ArgumentException>(() => VoteCategories.Filter(votes, "hard_6"));
        Assert.Contains("domain_knowledge", error.Message, StringComparison.Ordinal);
    }
}

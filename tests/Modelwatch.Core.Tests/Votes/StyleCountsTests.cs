using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Votes;

public class StyleCountsTests
{
    [Fact]
    public void A_vote_without_style_in_a_table_with_style_is_unknown_not_zero()
    {
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        var y = builder.Models.GetOrAdd("y");
        builder.Add(new VoteRow { ModelA = x, ModelB = y });
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Style = new StyleCounts(0, 0, 0, 0, 0, 0, 0, 0) });
        builder.Add(new VoteRow { ModelA = x, ModelB = y });
        var votes = builder.Build();

        Assert.False(votes.Style[0].IsKnown);
        Assert.True(votes.Style[1].IsKnown); // two empty answers are real, known counts
        Assert.Equal(StyleCounts.Unknown, votes.Style[2]);
    }

    [Fact]
    public void A_negative_counter_is_not_a_known_count() =>
        Assert.False(new StyleCounts(10, 12, 0, 0, -3, 1, 0, 0).IsKnown);
}

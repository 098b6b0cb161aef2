using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Votes;

public class VoteTableBuilderTagRemovalTests
{
    [Fact]
    public void Removing_a_tag_clears_its_bit_and_moves_higher_tags_down()
    {
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        var y = builder.Models.GetOrAdd("y");
        var low = builder.GetOrAddTag("low");
        var gone = builder.GetOrAddTag("gone");
        var high = builder.GetOrAddTag("high");
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Tags = (1UL << low) | (1UL << gone) });
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Tags = (1UL << gone) | (1UL << high) });
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Tags = 1UL << high });

        var bit = builder.RemoveTag("gone");
        var table = builder.Build();

        Assert.Equal(1, bit);
        Assert.Equal(["low", "high"], table.TagNames);
        Assert.Equal([0b01UL, 0b10UL, 0b10UL], table.Tags.ToArray());
    }

    [Fact]
    public void Removing_an_unknown_tag_changes_nothing()
    {
        var builder = new VoteTableBuilder();
        builder.GetOrAddTag("kept");
        builder.Add(new VoteRow { Tags = 1 });

        Assert.Equal(-1, builder.RemoveTag("absent"));
        Assert.Equal([1UL], builder.Build().Tags.ToArray());
    }

    [Fact]
    public void Ensuring_capacity_keeps_the_votes_already_added()
    {
        var builder = new VoteTableBuilder(16);
        builder.Add(new VoteRow { ModelA = 1, ModelB = 2, Winner = Winner.Tie, SourceLine = 9 });

        builder.EnsureCapacity(100_000);
        builder.Add(new VoteRow { ModelA = 2, ModelB = 1, Winner = Winner.ModelB, SourceLine = 10 });
        var table = builder.Build();

        Assert.Equal([1, 2], table.ModelA.ToArray());
        Assert.Equal([Winner.Tie, Winner.ModelB], table.Winners.ToArray());
        Assert.Equal([9L, 10L], table.SourceLines.ToArray());
    }
}

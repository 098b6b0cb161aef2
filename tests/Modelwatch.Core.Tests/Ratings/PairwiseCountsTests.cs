using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Ratings;

public class PairwiseCountsTests
{
    [Fact]
    public void Votes_collapse_to_canonical_unique_rows_with_counts()
    {
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        var y = builder.Models.GetOrAdd("y");
        var z = builder.Models.GetOrAdd("z");
        Add(builder, x, y, Winner.ModelA);
        Add(builder, y, x, Winner.ModelB); // the same result seen from the other side
        Add(builder, x, y, Winner.BothBad);
        Add(builder, x, y, Winner.Tie);
        Add(builder, z, y, Winner.ModelA);
        var table = builder.Build();

        var counts = PairwiseCounts.FromVotes(table, [0, 1, 2, 3]);

        Assert.Equal(["x", "y"], counts.Models); // z is not selected, so it is not in the fit
        Assert.Equal(4.0, counts.TotalVotes);
        Assert.Equal(2, counts.RowCount);
        Assert.Equal([0, 0], counts.A.ToArray());
        Assert.Equal([1, 1], counts.B.ToArray());
        Assert.Equal([1, 2], counts.Outcome.ToArray());
        Assert.Equal([2.0, 2.0], counts.Count.ToArray());
    }

    [Fact]
    public void A_self_vote_is_refused_with_its_source_line()
    {
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        Add(builder, x, x, Winner.Tie, line: 7);
        var table = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => PairwiseCounts.FromVotes(table, [0]));
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_aggregates_drop_models_without_rows()
    {
        var counts = PairwiseCounts.FromRows(["a", "unused", "b"], [(2, 0, 2, 5.0), (0, 2, 2, 1.0)]);

        Assert.Equal(["a", "b"], counts.Models);
        Assert.Equal(6.0, counts.TotalVotes);
        Assert.Equal([0, 2], counts.Outcome.ToArray()); // (b beats a) x5 is (a loses to b)
        Assert.Equal([5.0, 1.0], counts.Count.ToArray());
    }

    private static void Add(VoteTableBuilder builder, int a, int b, Winner winner, long line = 1)
    {
        var row = new VoteRow { ModelA = a, ModelB = b, Winner = winner, SourceLine = line };
        builder.Add(row);
    }
}

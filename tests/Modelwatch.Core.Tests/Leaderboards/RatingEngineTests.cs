using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Leaderboards;

public class RatingEngineTests
{
    [Fact]
    public void Stored_counts_give_the_same_board_as_the_votes_they_came_from()
    {
        var votes = TestVotes.Arena140k();
        var fromVotes = RatingEngine.Run(votes, new RatingRequest(), ct: TestContext.Current.CancellationToken);
        var counts = TestVotes.Counts(votes);

        // As the web app will keep them: plain (a, b, outcome, count) rows, rebuilt into counts.
        var stored = Rows(counts).ToList();
        var fromCounts = RatingEngine.RunOnCounts(PairwiseCounts.FromRows(counts.Models, stored), new RatingRequest(), ct: TestContext.Current.CancellationToken);

        Assert.Equal(fromVotes.Entries.Count, fromCounts.Entries.Count);
        foreach (var (v, c) in fromVotes.Entries.Zip(fromCounts.Entries))
        {
            Assert.Equal(v.Model, c.Model);
            Assert.Equal(v.Rank, c.Rank);
            Assert.Equal(v.Rating, c.Rating, 1e-9);
            Assert.Equal(v.Lower, c.Lower, 1e-9);
            Assert.Equal(v.Upper, c.Upper, 1e-9);
            Assert.Equal(v.Votes, c.Votes);
        }
    }

    [Fact]
    public void A_refit_after_new_votes_warm_started_from_the_old_fit_lands_on_the_full_fit()
    {
        var votes = TestVotes.Arena140k();
        var all = TestVotes.WithoutSelfVotes(votes);
        var half = all[..(all.Length / 2)];
        var before = BradleyTerry.Fit(PairwiseCounts.FromVotes(votes, half));

        // New votes arrive: the stored counts grow; models keep their order because the full set is a superset.
        var after = PairwiseCounts.FromVotes(votes, all);
        var start = after.Models.Select(m => before.Strengths[before.IndexOf(m)]).ToArray();
        var warm = RatingEngine.RunOnCounts(after, new RatingRequest { Intervals = IntervalMethod.None }, start, ct: TestContext.Current.CancellationToken);
        var cold = RatingEngine.RunOnCounts(after, new RatingRequest { Intervals = IntervalMethod.None }, ct: TestContext.Current.CancellationToken);

        Assert.Equal("Converged", warm.Solver!.ExitReason);
        Assert.True(warm.Solver.Iterations <= cold.Solver!.Iterations, $"warm start took {warm.Solver.Iterations} iterations, cold {cold.Solver.Iterations}");
        foreach (var (w, c) in warm.Entries.Zip(cold.Entries))
        {
            Assert.Equal(c.Model, w.Model);
            Assert.Equal(c.Rating, w.Rating, 1e-8);
        }
    }

    [Theory]
    [InlineData(RatingMethod.Elo, false)]
    [InlineData(RatingMethod.BradleyTerry, true)]
    public void Counts_cannot_give_what_needs_individual_votes(RatingMethod method, bool styleControl)
    {
        var counts = PairwiseCounts.FromRows(["a", "b"], [(0, 1, 2, 3.0), (0, 1, 0, 1.0)]);
        var request = new RatingRequest { Method = method, StyleControl = styleControl, Intervals = IntervalMethod.None };

        var error = Assert.Throws<ArgumentException>(() => RatingEngine.RunOnCounts(counts, request, ct: TestContext.Current.CancellationToken));
        Assert.Contains(styleControl ? "style" : "Elo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluding_a_model_removes_its_votes_and_counts_them()
    {
        var votes = TestVotes.Arena140k();

        var report = RatingEngine.Run(votes, new RatingRequest { Filter = new VoteFilterOptions { ExcludeModels = ["gemini-2.5-pro"] } }, ct: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(report.Entries, e => e.Model == "gemini-2.5-pro");
        var step = report.Cleaning.Single(s => s.Name == "excluded models");
        var involving = 0;
        for (var i = 0; i < votes.Count; i++)
        {
            involving += votes.Models[votes.ModelA[i]] == "gemini-2.5-pro" || votes.Models[votes.ModelB[i]] == "gemini-2.5-pro" ? 1 : 0;
        }

        Assert.Equal(involving, step.Removed); // the 10 self-votes are not gemini-2.5-pro's, so none was removed twice
        Assert.Equal(report.VotesUsed, report.Cleaning[^1].Remaining);
    }

    [Fact]
    public void Elo_follows_timestamps_when_the_votes_have_them()
    {
        // Three votes written newest first: Elo must replay them oldest first.
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        var y = builder.Models.GetOrAdd("y");
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Winner = Winner.ModelA, TimestampMs = 3_000, SourceLine = 2 });
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Winner = Winner.ModelB, TimestampMs = 2_000, SourceLine = 3 });
        builder.Add(new VoteRow { ModelA = x, ModelB = y, Winner = Winner.ModelB, TimestampMs = 1_000, SourceLine = 4 });
        var votes = builder.Build();

        var report = RatingEngine.Run(votes, new RatingRequest { Method = RatingMethod.Elo, Intervals = IntervalMethod.None }, ct: TestContext.Current.CancellationToken);

        var inTimeOrder = OnlineElo.Compute(2, [0, 0, 0], [1, 1, 1], [Winner.ModelB, Winner.ModelB, Winner.ModelA]);
        var inFileOrder = OnlineElo.Compute(2, [0, 0, 0], [1, 1, 1], [Winner.ModelA, Winner.ModelB, Winner.ModelB]);
        Assert.NotEqual(inTimeOrder[0], inFileOrder[0], 1e-9);
        Assert.Equal(inTimeOrder[0], report.Entries.Single(e => e.Model == "x").Rating, 1e-9);
    }

    [Fact]
    public void Intervals_for_elo_are_refused_rather_than_made_up()
    {
        var votes = TestVotes.Arena140k();

        var error = Assert.Throws<ArgumentException>(() => RatingEngine.Run(votes, new RatingRequest { Method = RatingMethod.Elo, Intervals = IntervalMethod.Sandwich }, ct: TestContext.Current.CancellationToken));

        Assert.Contains("--ci none", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(int A, int B, byte Outcome, double Count)> Rows(PairwiseCounts counts)
    {
        for (var r = 0; r < counts.RowCount; r++)
        {
            yield return (counts.A[r], counts.B[r], counts.Outcome[r], counts.Count[r]);
        }
    }
}

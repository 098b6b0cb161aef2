using System.Numerics;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>The real 140k Chatbot Arena file (/work/shared README gives the published counts checked here).</summary>
public class ArenaVoteFileTests
{
    [Fact]
    public void All_135634_rows_are_read_with_53_models_and_10_self_votes_kept()
    {
        var result = Votes.Read(SharedData.File(ArenaRecords.RelativePath));
        var votes = result.Votes;

        Assert.Equal(VoteFileFormat.Csv, result.Format);
        Assert.True(result.Gzipped);
        Assert.Equal(135_634, result.RowsRead);
        Assert.Equal(0, result.RowsSkipped);
        Assert.Equal(135_634, votes.Count);
        Assert.Equal(53, votes.Models.Count);
        var selfVotes = Enumerable.Range(0, votes.Count).Count(i => votes.ModelA[i] == votes.ModelB[i]);
        Assert.Equal(10, selfVotes);
    }

    [Fact]
    public void Category_counts_match_the_published_ones()
    {
        var votes = Votes.Read(SharedData.File(ArenaRecords.RelativePath)).Votes;

        Assert.Equal(10_892, CountTag(votes, "math"));
        Assert.Equal(11_587, CountTag(votes, "creative_writing"));
        Assert.Equal(24_666, CountTag(votes, "if"));

        // hard_6: at least six of the seven criteria flags, counted from the tag bits alone.
        var criteria = FastCriteriaMask(votes);
        var hard = 0;
        foreach (var tags in votes.Tags)
        {
            if (BitOperations.PopCount(tags & criteria) >= 6)
            {
                hard++;
            }
        }

        Assert.Equal(50_884, hard);
        var noTie = 0;
        foreach (var winner in votes.Winners)
        {
            if (!winner.IsTie())
            {
                noTie++;
            }
        }

        Assert.Equal(98_348, noTie);
    }

    [Fact]
    public void Number_columns_are_not_tags_and_the_notes_say_why()
    {
        var result = Votes.Read(SharedData.File(ArenaRecords.RelativePath));

        Assert.Equal(-1, result.Votes.TagBit("hard_score"));
        Assert.Equal(-1, result.Votes.TagBit("if_score"));
        Assert.Equal(-1, result.Votes.TagBit("row"));
        Assert.Contains(result.Notes, n => n.Contains("'hard_score' is not a category tag", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("'if_score' is not a category tag", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("'row'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_vote_matches_its_source_row()
    {
        var records = ArenaRecords.Load();
        var votes = Votes.Read(records.Path).Votes;

        ArenaAssert.SameVotes(records, votes);
        Assert.Equal(2, votes.SourceLines[0]); // line 1 is the header
        Assert.Equal(records.Rows.Count + 1, votes.SourceLines[^1]);
    }

    [Fact]
    public void Progress_counts_compressed_bytes_and_ends_at_the_file_size()
    {
        var path = SharedData.File(ArenaRecords.RelativePath);
        var reports = new ListProgress();

        Votes.Read(path, progress: reports);

        var size = new FileInfo(path).Length;
        Assert.True(reports.Items.Count >= 2, $"only {reports.Items.Count} progress reports");
        Assert.All(reports.Items, r => Assert.Equal(size, r.TotalBytes));
        Assert.True(reports.Items.Zip(reports.Items.Skip(1)).All(p => p.Second.BytesRead >= p.First.BytesRead && p.Second.Rows >= p.First.Rows));
        Assert.Equal(size, reports.Items[^1].BytesRead);
        Assert.Equal(135_634, reports.Items[^1].Rows);
    }

    [Fact]
    public void A_cancelled_read_stops()
    {
        var path = SharedData.File(ArenaRecords.RelativePath);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => VoteFileReader.Read(path, null, null, cancelled.Token));
    }

    private static int CountTag(VoteTable votes, string name)
    {
        var bit = votes.TagBit(name);
        Assert.True(bit >= 0, $"no tag '{name}'");
        var count = 0;
        foreach (var tags in votes.Tags)
        {
            count += (int)((tags >> bit) & 1);
        }

        return count;
    }

    private static ulong FastCriteriaMask(VoteTable votes)
    {
        ulong mask = 0;
        foreach (var name in new[] { "specificity", "domain_knowledge", "complexity", "problem_solving", "creativity", "technical_accuracy", "real_world" })
        {
            var bit = votes.TagBit(name);
            Assert.True(bit >= 0, $"no tag '{name}'");
            mask |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>Collects reports synchronously (<see cref="Progress{T}"/> would post them to a context).</summary>
    private sealed class ListProgress : IProgress<VoteReadProgress>
    {
        public List<VoteReadProgress> Items { get; } = [];

        public void Report(VoteReadProgress value) => Items.Add(value);
    }
}

using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests;

/// <summary>The shared vote files, read by the product's own reader (skipping the test when the data is absent).</summary>
internal static class TestVotes
{
    public const string Arena140kFile = "data/arena/arena-human-preference-140k/battles.csv.gz";

    private static readonly Lazy<VoteTable> Arena140kTable = new(() => VoteFileReader.Read(SharedData.File(Arena140kFile)).Votes);

    /// <summary>The 135,634 votes of the shared 140k file, read once per test run.</summary>
    public static VoteTable Arena140k()
    {
        _ = SharedData.File(Arena140kFile);
        return Arena140kTable.Value;
    }

    /// <summary>Any shared vote file (model_a/model_b or left/right columns).</summary>
    public static VoteTable Load(string sharedRelativePath) => VoteFileReader.Read(SharedData.File(sharedRelativePath)).Votes;

    /// <summary>Indices of all votes except self-votes (the only cleaning the reference tables apply, and the only
    /// step that removes anything under default filter options).</summary>
    public static int[] WithoutSelfVotes(VoteTable votes) => VoteCleaning.Apply(votes, new VoteFilterOptions()).Selected;

    public static PairwiseCounts Counts(VoteTable votes) => PairwiseCounts.FromVotes(votes, WithoutSelfVotes(votes));
}

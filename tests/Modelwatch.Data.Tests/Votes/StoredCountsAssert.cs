using Modelwatch.Core.Votes;
using Modelwatch.Data.Votes;

namespace Modelwatch.Data.Tests.Votes;

/// <summary>Compares stored per-pair counts with counts made from a file's votes through <see cref="VoteCleaning"/>.</summary>
internal static class StoredCountsAssert
{
    /// <summary>
    /// The votes the rating engine would use for <paramref name="category"/> (cleaning with defaults: self-votes out,
    /// then the category), counted per unordered pair of names and outcome.
    /// </summary>
    public static Dictionary<(string, string), int[]> FromFile(VoteTable votes, string category)
    {
        var selected = VoteCleaning.Apply(votes, new VoteFilterOptions { Category = category }).Selected;
        var counts = new Dictionary<(string, string), int[]>();
        foreach (var i in selected)
        {
            Add(counts, votes.Models[votes.ModelA[i]], votes.Models[votes.ModelB[i]], votes.Winners[i], 1);
        }

        return counts;
    }

    public static Dictionary<(string, string), int[]> FromStore(StoredVoteCounts stored)
    {
        var counts = new Dictionary<(string, string), int[]>();
        foreach (var row in stored.Rows)
        {
            var a = stored.Models[row.ModelA];
            var b = stored.Models[row.ModelB];
            Assert.True(row.ModelA < row.ModelB, $"Stored row ({row.ModelA}, {row.ModelB}) is not canonical.");
            Add(counts, a, b, Winner.ModelA, row.WinsA);
            Add(counts, a, b, Winner.ModelB, row.WinsB);
            Add(counts, a, b, Winner.Tie, row.Ties);
            Add(counts, a, b, Winner.BothBad, row.BothBad);
        }

        foreach (var key in counts.Where(kv => kv.Value.Sum() == 0).Select(kv => kv.Key).ToList())
        {
            counts.Remove(key);
        }

        return counts;
    }

    public static void Equal(Dictionary<(string, string), int[]> expected, Dictionary<(string, string), int[]> actual, string category)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (pair, cell) in expected)
        {
            Assert.True(actual.TryGetValue(pair, out var stored), $"{category}: pair {pair} is missing from the store.");
            Assert.Equal(cell, stored);
        }
    }

    /// <summary>Counts keyed by the pair in ordinal name order, the winner swapped to match.</summary>
    private static void Add(Dictionary<(string, string), int[]> counts, string a, string b, Winner winner, int n)
    {
        if (string.CompareOrdinal(a, b) > 0)
        {
            (a, b) = (b, a);
            winner = winner switch { Winner.ModelA => Winner.ModelB, Winner.ModelB => Winner.ModelA, _ => winner };
        }

        if (!counts.TryGetValue((a, b), out var cell))
        {
            counts[(a, b)] = cell = new int[4];
        }

        cell[(int)winner] += n;
    }
}

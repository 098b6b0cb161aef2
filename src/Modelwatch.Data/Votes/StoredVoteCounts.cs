using Modelwatch.Core.Ratings;

namespace Modelwatch.Data.Votes;

/// <summary>
/// One category's aggregated counts of a dataset, as stored: what a Bradley–Terry or win-rate board is fitted on
/// (<see cref="Core.Leaderboards.RatingEngine.RunOnCounts"/>) without reading a vote.
/// </summary>
public sealed class StoredVoteCounts
{
    internal StoredVoteCounts(VoteDataset dataset, string category, IReadOnlyList<string> models, IReadOnlyList<VotePairCount> rows)
    {
        Dataset = dataset;
        Category = category;
        Models = models;
        Rows = rows;
        Votes = rows.Sum(r => (long)r.Total);
    }

    public VoteDataset Dataset { get; }

    public string Category { get; }

    /// <summary>Every model of the dataset by index (some may have no vote in this category).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>The stored rows, canonical pairs (model A index &lt; model B index).</summary>
    public IReadOnlyList<VotePairCount> Rows { get; }

    /// <summary>Votes in the category (self-votes are never counted).</summary>
    public long Votes { get; }

    /// <summary>
    /// The counts a fit takes: wins of A and of B, and ties with both-bad as half a win each (one outcome). Models
    /// without a vote left are dropped, as <see cref="PairwiseCounts.FromRows"/> does.
    /// </summary>
    /// <param name="excludeTies">Leave ties and both-bad votes out (as <c>--exclude-ties</c>).</param>
    /// <param name="excludeModels">Leave out every vote with one of these models (exact names).</param>
    /// <exception cref="ArgumentException">Nothing is left to fit.</exception>
    public PairwiseCounts ToPairwiseCounts(bool excludeTies = false, IReadOnlyCollection<string>? excludeModels = null)
    {
        var excluded = new bool[Models.Count];
        if (excludeModels is not null)
        {
            for (var i = 0; i < Models.Count; i++)
            {
                excluded[i] = excludeModels.Contains(Models[i], StringComparer.Ordinal);
            }
        }

        var rows = new List<(int A, int B, byte Outcome, double Count)>(Rows.Count * 3);
        foreach (var r in Rows)
        {
            if (excluded[r.ModelA] || excluded[r.ModelB])
            {
                continue;
            }

            Add(r, 2, r.WinsA);
            Add(r, 0, r.WinsB);
            if (!excludeTies)
            {
                Add(r, 1, r.Ties + r.BothBad);
            }
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException($"No votes of dataset '{Dataset.Name}', category '{Category}' are left{(excludeTies || excludeModels?.Count > 0 ? " after the exclusions" : string.Empty)}; nothing to rate.");
        }

        return PairwiseCounts.FromRows(Models, rows);

        void Add(VotePairCount r, byte outcome, int count)
        {
            if (count > 0)
            {
                rows.Add((r.ModelA, r.ModelB, outcome, count));
            }
        }
    }
}

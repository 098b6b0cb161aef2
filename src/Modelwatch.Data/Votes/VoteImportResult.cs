namespace Modelwatch.Data.Votes;

/// <summary>What an import stored, or that the same content was stored already.</summary>
public sealed record VoteImportResult
{
    /// <summary>The dataset now holding the votes (the existing one when <see cref="AlreadyStored"/>).</summary>
    public required VoteDataset Dataset { get; init; }

    /// <summary>True when a dataset with the same content hash existed: nothing was read or written.</summary>
    public bool AlreadyStored { get; init; }

    /// <summary>True when a dataset of the same name with other content was replaced.</summary>
    public bool Replaced { get; init; }

    /// <summary>Aggregated count rows stored (model pairs summed over categories).</summary>
    public int CountRows { get; init; }

    /// <summary>Votes counted per category, in the dataset's category order (self-votes are never counted); empty when <see cref="AlreadyStored"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> VotesPerCategory { get; init; } = [];

    /// <summary>Invalid rows skipped per reason (only with skip-invalid).</summary>
    public IReadOnlyDictionary<string, long> SkippedByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>The reader's notes (things worth knowing that are not errors).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

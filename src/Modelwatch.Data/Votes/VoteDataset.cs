namespace Modelwatch.Data.Votes;

/// <summary>
/// One imported vote file: its votes (<see cref="StoredVote"/>), its models (<see cref="VoteModelRow"/>) and the
/// aggregated counts per category (<see cref="VotePairCount"/>) that leaderboards are fitted on. The content hash
/// makes a second import of the same bytes a no-op.
/// </summary>
public sealed class VoteDataset
{
    /// <summary>Names are compared as given (case-sensitive) and are at most this long.</summary>
    public const int MaxNameLength = 200;

    public int Id { get; set; }

    /// <summary>How people refer to the dataset (<c>modelwatch rank --dataset NAME</c>); unique.</summary>
    public required string Name { get; set; }

    /// <summary>The file name the votes came from (no directory).</summary>
    public required string SourceFileName { get; set; }

    /// <summary>SHA-256 of the file's bytes as stored (compressed bytes for a gzip file), 64 lower-case hex digits; unique.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The layout read (<c>Csv</c>, <c>JsonArray</c>, <c>JsonLines</c>, <c>Parquet</c>), with <c>+gzip</c> when compressed.</summary>
    public required string SourceFormat { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>
    /// Raised on every change after import (the arena dataset grows by one vote at a time), so caches of boards key on
    /// it and a new vote reaches the board at the next read of the dataset list.
    /// </summary>
    public long Revision { get; set; }

    /// <summary>Votes stored, self-votes included (they are kept, as the reader keeps them, and left out of the counts).</summary>
    public int VoteCount { get; set; }

    /// <summary>Votes with the same model on both sides (in <see cref="VoteCount"/>, not in any count).</summary>
    public int SelfVoteCount { get; set; }

    /// <summary>Rows of the file left out as invalid (only with skip-invalid; otherwise an invalid row fails the import).</summary>
    public long RowsSkipped { get; set; }

    public int ModelCount { get; set; }

    public bool HasTimestamps { get; set; }

    public bool HasJudges { get; set; }

    public bool HasLanguages { get; set; }

    public bool HasAnonymous { get; set; }

    public bool HasTurns { get; set; }

    public bool HasDedupTags { get; set; }

    public bool HasStyle { get; set; }

    /// <summary>Category tag names in bit order: tag <c>i</c> is bit <c>i</c> of <see cref="StoredVote.Categories"/>.</summary>
    public List<string> TagNames { get; set; } = [];

    /// <summary>The categories counts are stored for (<c>full</c>, <c>no_tie</c>, <c>hard_6</c> when possible, each tag).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Language names in id order: <see cref="StoredVote.Language"/> indexes this list.</summary>
    public List<string> Languages { get; set; } = [];

    public List<VoteModelRow> Models { get; } = [];
}

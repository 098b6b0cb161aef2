using Modelwatch.Core.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>
/// One vote, kept compact because a dataset holds millions: model indices instead of names, the winner as a small
/// integer, category tags as one bit mask, metadata columns null when the file did not carry them.
/// </summary>
/// <remarks>
/// The key packs dataset and position into one 64-bit number, <c>(dataset id &lt;&lt; 32) | sequence</c>. On SQLite
/// an <c>INTEGER PRIMARY KEY</c> is the row id itself, so the table needs no second index (a composite key would add
/// one as large as the table); on PostgreSQL it is one 8-byte key. A dataset's votes are the key range
/// <see cref="FirstKey"/>..<see cref="LastKey"/>, in file order. There is no foreign key for the same reason:
/// <c>VoteStore</c> deletes the range with its dataset.
/// </remarks>
public sealed class StoredVote
{
    public long Id { get; set; }

    /// <summary>Index of side A's model in the dataset's <see cref="VoteModelRow"/> list.</summary>
    public int ModelA { get; set; }

    public int ModelB { get; set; }

    public Winner Winner { get; set; }

    /// <summary>Milliseconds since the Unix epoch; null when unknown.</summary>
    public long? TimestampMs { get; set; }

    /// <summary>Category tag bits (<see cref="VoteDataset.TagNames"/>); 0 for none.</summary>
    public long Categories { get; set; }

    /// <summary>The voter as a 64-bit hash of the name the file gave (the first 8 bytes of its SHA-256): enough to tell voters apart, not to name them.</summary>
    public long? JudgeHash { get; set; }

    /// <summary>Index in <see cref="VoteDataset.Languages"/>.</summary>
    public short? Language { get; set; }

    public bool? Anonymous { get; set; }

    public short? Turn { get; set; }

    /// <summary>FastChat's <c>dedup_tag.sampled</c>.</summary>
    public bool? DedupSampled { get; set; }

    /// <summary>Style counters (<see cref="StyleCounts"/>); all null when the vote has no style metadata.</summary>
    public int? TokensA { get; set; }

    public int? TokensB { get; set; }

    public int? HeadersA { get; set; }

    public int? HeadersB { get; set; }

    public int? ListsA { get; set; }

    public int? ListsB { get; set; }

    public int? BoldA { get; set; }

    public int? BoldB { get; set; }

    /// <summary>The key of vote <paramref name="sequence"/> (0-based file order) of a dataset.</summary>
    public static long Key(int datasetId, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(datasetId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return ((long)datasetId << 32) | (uint)sequence;
    }

    /// <summary>The smallest key a vote of the dataset can have.</summary>
    public static long FirstKey(int datasetId) => Key(datasetId, 0);

    /// <summary>The largest key a vote of the dataset can have.</summary>
    public static long LastKey(int datasetId) => ((long)datasetId << 32) | uint.MaxValue;

    /// <summary>The dataset a key belongs to.</summary>
    public static int DatasetOf(long key) => (int)(key >> 32);

    /// <summary>The position of a key's vote in its dataset.</summary>
    public static int SequenceOf(long key) => (int)(uint)key;
}

namespace Modelwatch.Core.Votes;

/// <summary>
/// One vote as a reader hands it to <see cref="VoteTableBuilder"/>: model, voter and language ids already
/// interned in the builder's name tables; metadata the file does not carry left null.
/// </summary>
public struct VoteRow
{
    public int ModelA;
    public int ModelB;
    public Winner Winner;

    /// <summary>Milliseconds since the Unix epoch (FastChat's <c>tstamp</c> is seconds, as a double).</summary>
    public long? TimestampMs;

    /// <summary>Voter id in <see cref="VoteTableBuilder.Judges"/>.</summary>
    public int? Judge;

    /// <summary>Language id in <see cref="VoteTableBuilder.Languages"/>.</summary>
    public int? Language;

    /// <summary>Whether names were hidden while voting.</summary>
    public bool? Anonymous;

    /// <summary>Conversation turns (1 for a single exchange).</summary>
    public int? Turn;

    /// <summary>FastChat's <c>dedup_tag.sampled</c>: false for a repeated prompt dropped by de-duplication.</summary>
    public bool? DedupSampled;

    /// <summary>Category tags, one bit per name in <see cref="VoteTableBuilder.TagNames"/>.</summary>
    public ulong Tags;

    public StyleCounts? Style;

    /// <summary>Where the vote came from: line (text formats) or row (Parquet), 1-based, for messages.</summary>
    public long SourceLine;
}

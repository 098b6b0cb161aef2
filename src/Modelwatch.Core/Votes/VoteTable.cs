namespace Modelwatch.Core.Votes;

/// <summary>
/// Votes stored by column, in file order. Model, voter and language names are interned; optional metadata
/// columns are present only when the source carried them (<c>Has…</c>). Nothing is filtered out here:
/// self-votes and other invalid-for-fitting rows are kept, and cleaning decides what a fit sees.
/// </summary>
public sealed class VoteTable
{
    /// <summary>Stands in a timestamp column for a vote without a time.</summary>
    public const long MissingTimestamp = long.MinValue;

    private readonly int[] _modelA;
    private readonly int[] _modelB;
    private readonly Winner[] _winner;
    private readonly SourceLineMap _sourceLineMap;
    private long[]? _sourceLines;
    private readonly long[]? _timestamp;
    private readonly int[]? _judge;
    private readonly int[]? _language;
    private readonly sbyte[]? _anonymous;
    private readonly short[]? _turn;
    private readonly sbyte[]? _dedupSampled;
    private readonly ulong[]? _tags;
    private readonly StyleCounts[]? _style;

    internal VoteTable(
        NameTable models,
        NameTable judges,
        NameTable languages,
        IReadOnlyList<string> tagNames,
        int count,
        int[] modelA,
        int[] modelB,
        Winner[] winner,
        SourceLineMap sourceLines,
        long[]? timestamp,
        int[]? judge,
        int[]? language,
        sbyte[]? anonymous,
        short[]? turn,
        sbyte[]? dedupSampled,
        ulong[]? tags,
        StyleCounts[]? style)
    {
        Models = models;
        Judges = judges;
        Languages = languages;
        TagNames = tagNames;
        Count = count;
        _modelA = modelA;
        _modelB = modelB;
        _winner = winner;
        _sourceLineMap = sourceLines;
        _timestamp = timestamp;
        _judge = judge;
        _language = language;
        _anonymous = anonymous;
        _turn = turn;
        _dedupSampled = dedupSampled;
        _tags = tags;
        _style = style;
    }

    public NameTable Models { get; }

    public NameTable Judges { get; }

    public NameTable Languages { get; }

    /// <summary>Category tag names; tag <c>i</c> is bit <c>i</c> of <see cref="Tags"/>.</summary>
    public IReadOnlyList<string> TagNames { get; }

    public int Count { get; }

    public ReadOnlySpan<int> ModelA => _modelA.AsSpan(0, Count);

    public ReadOnlySpan<int> ModelB => _modelB.AsSpan(0, Count);

    public ReadOnlySpan<Winner> Winners => _winner.AsSpan(0, Count);

    /// <summary>1-based line (text formats) or row (Parquet) each vote came from.</summary>
    /// <remarks>Built on first use; reading a file does not pay for it.</remarks>
    public ReadOnlySpan<long> SourceLines => (_sourceLines ??= _sourceLineMap.Materialize(Count)).AsSpan(0, Count);

    public bool HasTimestamps => _timestamp is not null;

    /// <summary>Milliseconds since the Unix epoch, <see cref="MissingTimestamp"/> where unknown; empty without the column.</summary>
    public ReadOnlySpan<long> TimestampsMs => _timestamp.AsSpan(0, _timestamp is null ? 0 : Count);

    public bool HasJudges => _judge is not null;

    /// <summary>Voter ids in <see cref="Judges"/>, -1 where unknown; empty without the column.</summary>
    public ReadOnlySpan<int> JudgeIds => _judge.AsSpan(0, _judge is null ? 0 : Count);

    public bool HasLanguages => _language is not null;

    /// <summary>Language ids in <see cref="Languages"/>, -1 where unknown; empty without the column.</summary>
    public ReadOnlySpan<int> LanguageIds => _language.AsSpan(0, _language is null ? 0 : Count);

    public bool HasAnonymous => _anonymous is not null;

    /// <summary>1 anonymous, 0 named, -1 unknown; empty without the column.</summary>
    public ReadOnlySpan<sbyte> Anonymous => _anonymous.AsSpan(0, _anonymous is null ? 0 : Count);

    public bool HasTurns => _turn is not null;

    /// <summary>Turns per conversation, 0 where unknown; empty without the column.</summary>
    public ReadOnlySpan<short> Turns => _turn.AsSpan(0, _turn is null ? 0 : Count);

    public bool HasDedupTags => _dedupSampled is not null;

    /// <summary>1 kept by prompt de-duplication, 0 dropped, -1 unknown; empty without the column.</summary>
    public ReadOnlySpan<sbyte> DedupSampled => _dedupSampled.AsSpan(0, _dedupSampled is null ? 0 : Count);

    public bool HasTags => _tags is not null;

    /// <summary>Category tag bits per vote; empty when no vote carries a tag.</summary>
    public ReadOnlySpan<ulong> Tags => _tags.AsSpan(0, _tags is null ? 0 : Count);

    public bool HasStyle => _style is not null;

    /// <summary>Style counters per vote (<see cref="StyleCounts.Unknown"/> where unknown); empty without style metadata.</summary>
    public ReadOnlySpan<StyleCounts> Style => _style.AsSpan(0, _style is null ? 0 : Count);

    /// <summary>The bit of a tag name, or -1 when no vote carries it.</summary>
    public int TagBit(string name)
    {
        for (var i = 0; i < TagNames.Count; i++)
        {
            if (string.Equals(TagNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

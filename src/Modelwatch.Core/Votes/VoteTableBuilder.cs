using System.Runtime.CompilerServices;
namespace Modelwatch.Core.Votes;

/// <summary>
/// Collects votes into columns as a reader streams them. Optional metadata columns exist only when some vote
/// carries them. <see cref="Build"/> hands the columns over to an immutable <see cref="VoteTable"/>.
/// </summary>
public sealed class VoteTableBuilder
{
    /// <summary>A vote carries at most this many category tags (one bit each).</summary>
    public const int MaxTags = 64;

    private readonly List<string> _tagNames = [];
    private int[] _modelA;
    private int[] _modelB;
    private Winner[] _winner;
    private readonly SourceLineMap _sourceLines = new();
    private readonly Column<long> _timestamp = new(VoteTable.MissingTimestamp);
    private readonly Column<int> _judge = new(-1);
    private readonly Column<int> _language = new(-1);
    private readonly Column<sbyte> _anonymous = new(-1);
    private readonly Column<short> _turn = new(0);
    private readonly Column<sbyte> _dedupSampled = new(-1);
    private readonly Column<ulong> _tags = new(0);
    private readonly Column<StyleCounts> _style = new(StyleCounts.Unknown);
    private bool _built;

    public VoteTableBuilder(int initialCapacity = 1024)
    {
        initialCapacity = Math.Max(initialCapacity, 16);
        _modelA = new int[initialCapacity];
        _modelB = new int[initialCapacity];
        _winner = new Winner[initialCapacity];
    }

    public NameTable Models { get; } = new();

    public NameTable Judges { get; } = new();

    public NameTable Languages { get; } = new();

    public IReadOnlyList<string> TagNames => _tagNames;

    public int Count { get; private set; }

    /// <summary>The bit for a category tag, registering the name on first use.</summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxTags"/> distinct tags.</exception>
    public int GetOrAddTag(string name)
    {
        var bit = _tagNames.IndexOf(name);
        if (bit >= 0)
        {
            return bit;
        }

        if (_tagNames.Count == MaxTags)
        {
            throw new InvalidOperationException($"A vote table holds at most {MaxTags} category tags; '{name}' would be tag {MaxTags + 1}.");
        }

        _tagNames.Add(name);
        return _tagNames.Count - 1;
    }

    /// <summary>
    /// Makes room for at least <paramref name="capacity"/> votes in the required columns, so a reader that knows
    /// (or estimates) the row count up front avoids repeated doubling and copying of large arrays.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _modelA.Length)
        {
            Array.Resize(ref _modelA, capacity);
            Array.Resize(ref _modelB, capacity);
            Array.Resize(ref _winner, capacity);
        }
    }

    /// <summary>
    /// Forgets a category tag: clears its bit in every vote added so far and moves the higher tags down one bit,
    /// so bits stay dense. Readers that decide from the values whether a column is a tag need this when a column
    /// shows a non-boolean value after rows were already added.
    /// </summary>
    /// <returns>The bit the tag had, or -1 when there was no such tag (nothing changed).</returns>
    public int RemoveTag(string name)
    {
        var bit = _tagNames.IndexOf(name);
        if (bit < 0)
        {
            return -1;
        }

        _tagNames.RemoveAt(bit);
        if (_tags.Values is { } values)
        {
            var below = (1UL << bit) - 1;
            for (var i = 0; i < Count; i++)
            {
                var v = values[i];
                values[i] = (v & below) | ((v >> 1) & ~below);
            }
        }

        return bit;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in VoteRow row)
    {
        if (_built)
        {
            throw new InvalidOperationException("The table was already built.");
        }

        var i = Count;
        if (i == _modelA.Length)
        {
            var length = checked(_modelA.Length * 2);
            Array.Resize(ref _modelA, length);
            Array.Resize(ref _modelB, length);
            Array.Resize(ref _winner, length);
        }

        var capacity = _modelA.Length;
        _modelA[i] = row.ModelA;
        _modelB[i] = row.ModelB;
        _winner[i] = row.Winner;
        _sourceLines.Add(i, row.SourceLine);
        if (row.TimestampMs is { } ts)
        {
            _timestamp.Set(i, ts, capacity);
        }

        if (row.Judge is { } judge)
        {
            _judge.Set(i, judge, capacity);
        }

        if (row.Language is { } language)
        {
            _language.Set(i, language, capacity);
        }

        if (row.Anonymous is { } anonymous)
        {
            _anonymous.Set(i, anonymous ? (sbyte)1 : (sbyte)0, capacity);
        }

        if (row.Turn is { } turn)
        {
            _turn.Set(i, (short)Math.Clamp(turn, short.MinValue, short.MaxValue), capacity);
        }

        if (row.DedupSampled is { } sampled)
        {
            _dedupSampled.Set(i, sampled ? (sbyte)1 : (sbyte)0, capacity);
        }

        if (row.Tags != 0)
        {
            _tags.Set(i, row.Tags, capacity);
        }

        if (row.Style is { } style)
        {
            _style.Set(i, style, capacity);
        }

        Count = i + 1;
    }

    /// <summary>Freezes the votes into a table; the builder cannot be used afterwards.</summary>
    public VoteTable Build()
    {
        _built = true;
        var n = Count;
        _timestamp.EnsureLength(n);
        _judge.EnsureLength(n);
        _language.EnsureLength(n);
        _anonymous.EnsureLength(n);
        _turn.EnsureLength(n);
        _dedupSampled.EnsureLength(n);
        _tags.EnsureLength(n);
        _style.EnsureLength(n);

        return new VoteTable(
            Models,
            Judges,
            Languages,
            [.. _tagNames],
            n,
            _modelA,
            _modelB,
            _winner,
            _sourceLines,
            _timestamp.Values,
            _judge.Values,
            _language.Values,
            _anonymous.Values,
            _turn.Values,
            _dedupSampled.Values,
            _tags.IsPresent ? _tags.Values : null,
            _style.Values);
    }
}

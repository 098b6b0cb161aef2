using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>
/// The <see cref="StoredVote"/> columns a vote table fills (the required ones plus each metadata column the file
/// carried) and each vote's values in them, with the table's "unknown" markers turned into nulls. Both bulk writers
/// read votes through this, so SQLite and PostgreSQL store the same values.
/// </summary>
internal sealed class VoteColumns
{
    private readonly VoteTable _votes;
    private readonly int _datasetId;
    private readonly long[] _judgeHashes;
    private readonly VoteColumn[] _columns;
    private VoteValues _row;

    public VoteColumns(VoteTable votes, int datasetId)
    {
        _votes = votes;
        _datasetId = datasetId;
        _judgeHashes = votes.HasJudges ? [.. votes.Judges.Names.Select(JudgeHash)] : [];
        if (votes.HasLanguages && votes.Languages.Count > short.MaxValue + 1)
        {
            throw new InvalidOperationException($"The votes name {votes.Languages.Count:N0} languages; at most {short.MaxValue + 1:N0} can be stored.");
        }

        var columns = new List<VoteColumn> { VoteColumn.Id, VoteColumn.ModelA, VoteColumn.ModelB, VoteColumn.Winner, VoteColumn.Categories };
        AddIf(votes.HasTimestamps, VoteColumn.TimestampMs);
        AddIf(votes.HasJudges, VoteColumn.JudgeHash);
        AddIf(votes.HasLanguages, VoteColumn.Language);
        AddIf(votes.HasAnonymous, VoteColumn.Anonymous);
        AddIf(votes.HasTurns, VoteColumn.Turn);
        AddIf(votes.HasDedupTags, VoteColumn.DedupSampled);
        AddIf(votes.HasStyle, VoteColumn.TokensA, VoteColumn.TokensB, VoteColumn.HeadersA, VoteColumn.HeadersB, VoteColumn.ListsA, VoteColumn.ListsB, VoteColumn.BoldA, VoteColumn.BoldB);
        Columns = columns;
        _columns = [.. columns];

        void AddIf(bool present, params VoteColumn[] more)
        {
            if (present)
            {
                columns.AddRange(more);
            }
        }
    }

    /// <summary>The columns written, in order; each is named as its <see cref="StoredVote"/> property.</summary>
    public IReadOnlyList<VoteColumn> Columns { get; }

    /// <summary>The property names of <see cref="Columns"/>, for <see cref="BulkInserter"/>.</summary>
    public IReadOnlyList<string> Properties => [.. Columns.Select(c => c.ToString())];

    public int Count => _votes.Count;

    /// <summary>A <see cref="RowFiller"/>: vote <paramref name="i"/>'s values in the order of <see cref="Columns"/>.</summary>
    public void Fill(int i, Span<BulkValue> values)
    {
        Row(i, ref _row);
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = BulkValue.Of(_row.Integer(_columns[k]));
        }
    }

    /// <summary>
    /// The values of vote <paramref name="i"/> for every property the votes fill; a column the vote has no value in is
    /// null. Absent columns are left as they are.
    /// </summary>
    public void Row(int i, ref VoteValues row)
    {
        var v = _votes;
        row.Id = StoredVote.Key(_datasetId, i);
        row.ModelA = v.ModelA[i];
        row.ModelB = v.ModelB[i];
        row.Winner = (short)v.Winners[i];
        row.Categories = v.HasTags ? unchecked((long)v.Tags[i]) : 0;
        if (v.HasTimestamps)
        {
            var ts = v.TimestampsMs[i];
            row.TimestampMs = ts == VoteTable.MissingTimestamp ? null : ts;
        }

        if (v.HasJudges)
        {
            var judge = v.JudgeIds[i];
            row.JudgeHash = judge < 0 ? null : _judgeHashes[judge];
        }

        if (v.HasLanguages)
        {
            var language = v.LanguageIds[i];
            row.Language = language < 0 ? null : (short)language;
        }

        if (v.HasAnonymous)
        {
            row.Anonymous = Flag(v.Anonymous[i]);
        }

        if (v.HasTurns)
        {
            var turn = v.Turns[i];
            row.Turn = turn == 0 ? null : turn;
        }

        if (v.HasDedupTags)
        {
            row.DedupSampled = Flag(v.DedupSampled[i]);
        }

        if (v.HasStyle)
        {
            var style = v.Style[i];
            row.Style = style.IsKnown ? style : null;
        }
    }

    /// <summary>The first 8 bytes of the SHA-256 of the voter's name (UTF-8), as a signed 64-bit number.</summary>
    public static long JudgeHash(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    private static bool? Flag(sbyte value) => value < 0 ? null : value == 1;
}

/// <summary>One vote's column values as <see cref="VoteColumns.Row"/> fills them.</summary>
internal struct VoteValues
{
    public long Id;
    public int ModelA;
    public int ModelB;
    public short Winner;
    public long Categories;
    public long? TimestampMs;
    public long? JudgeHash;
    public short? Language;
    public bool? Anonymous;
    public short? Turn;
    public bool? DedupSampled;
    public StyleCounts? Style;

    /// <summary>The value of one column as a 64-bit integer (booleans 0/1), or null.</summary>
    public readonly long? Integer(VoteColumn column) => column switch
    {
        VoteColumn.Id => Id,
        VoteColumn.ModelA => ModelA,
        VoteColumn.ModelB => ModelB,
        VoteColumn.Winner => Winner,
        VoteColumn.Categories => Categories,
        VoteColumn.TimestampMs => TimestampMs,
        VoteColumn.JudgeHash => JudgeHash,
        VoteColumn.Language => Language,
        VoteColumn.Anonymous => Anonymous is { } anonymous ? (anonymous ? 1 : 0) : null,
        VoteColumn.Turn => Turn,
        VoteColumn.DedupSampled => DedupSampled is { } sampled ? (sampled ? 1 : 0) : null,
        VoteColumn.TokensA => Style?.TokensA,
        VoteColumn.TokensB => Style?.TokensB,
        VoteColumn.HeadersA => Style?.HeadersA,
        VoteColumn.HeadersB => Style?.HeadersB,
        VoteColumn.ListsA => Style?.ListsA,
        VoteColumn.ListsB => Style?.ListsB,
        VoteColumn.BoldA => Style?.BoldA,
        VoteColumn.BoldB => Style?.BoldB,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}

/// <summary>The columns of <see cref="StoredVote"/>, named as its properties.</summary>
internal enum VoteColumn
{
    Id,
    ModelA,
    ModelB,
    Winner,
    Categories,
    TimestampMs,
    JudgeHash,
    Language,
    Anonymous,
    Turn,
    DedupSampled,
    TokensA,
    TokensB,
    HeadersA,
    HeadersB,
    ListsA,
    ListsB,
    BoldA,
    BoldB,
}

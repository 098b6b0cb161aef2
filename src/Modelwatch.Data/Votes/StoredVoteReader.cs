using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Modelwatch.Core.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>
/// Reads a dataset's votes back into a <see cref="VoteTable"/> with a plain data reader over the key range (no
/// change tracking, no objects per vote), selecting only the columns the dataset filled.
/// </summary>
internal static class StoredVoteReader
{
    public static async Task<DbDataReader> ExecuteAsync(ModelwatchDbContext db, DbCommand command, VoteDataset dataset, CancellationToken ct)
    {
        var names = StoreNames.For<StoredVote>(db);
        var columns = Columns(dataset);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"SELECT {string.Join(", ", columns.Select(c => names.Column(c.ToString())))} FROM {names.Table} " +
            $"WHERE {names.Column(nameof(StoredVote.Id))} BETWEEN @first AND @last ORDER BY {names.Column(nameof(StoredVote.Id))}";
        AddParameter(command, "@first", StoredVote.FirstKey(dataset.Id));
        AddParameter(command, "@last", StoredVote.LastKey(dataset.Id));
        return await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
    }

    public static async Task<VoteTable> ReadAsync(DbDataReader reader, VoteDataset dataset, IProgress<long>? rowsRead, CancellationToken ct)
    {
        var builder = new VoteTableBuilder(Math.Max(dataset.VoteCount, 16));
        foreach (var model in dataset.Models)
        {
            if (builder.Models.GetOrAdd(model.Name) != model.Index)
            {
                throw new InvalidOperationException($"Dataset '{dataset.Name}': model '{model.Name}' is stored at index {model.Index} but is not the next model.");
            }
        }

        foreach (var tag in dataset.TagNames)
        {
            builder.GetOrAddTag(tag);
        }

        foreach (var language in dataset.Languages)
        {
            builder.Languages.GetOrAdd(language);
        }

        var columns = Columns(dataset);
        var judges = new Dictionary<long, int>();
        var row = default(VoteRow);
        var count = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            row = default;
            for (var k = 0; k < columns.Count; k++)
            {
                Set(ref row, columns[k], reader, k, builder, judges);
            }

            row.SourceLine = count + 1;
            builder.Add(row);
            if (++count % (1 << 16) == 0)
            {
                rowsRead?.Report(count);
            }
        }

        if (count != dataset.VoteCount)
        {
            throw new InvalidOperationException($"Dataset '{dataset.Name}' records {dataset.VoteCount:N0} votes but {count:N0} are stored.");
        }

        rowsRead?.Report(count);
        return builder.Build();
    }

    private static List<VoteColumn> Columns(VoteDataset dataset)
    {
        var columns = new List<VoteColumn> { VoteColumn.ModelA, VoteColumn.ModelB, VoteColumn.Winner, VoteColumn.Categories };
        AddIf(dataset.HasTimestamps, VoteColumn.TimestampMs);
        AddIf(dataset.HasJudges, VoteColumn.JudgeHash);
        AddIf(dataset.HasLanguages, VoteColumn.Language);
        AddIf(dataset.HasAnonymous, VoteColumn.Anonymous);
        AddIf(dataset.HasTurns, VoteColumn.Turn);
        AddIf(dataset.HasDedupTags, VoteColumn.DedupSampled);
        AddIf(dataset.HasStyle, VoteColumn.TokensA, VoteColumn.TokensB, VoteColumn.HeadersA, VoteColumn.HeadersB, VoteColumn.ListsA, VoteColumn.ListsB, VoteColumn.BoldA, VoteColumn.BoldB);
        return columns;

        void AddIf(bool present, params VoteColumn[] more)
        {
            if (present)
            {
                columns.AddRange(more);
            }
        }
    }

    private static void Set(ref VoteRow row, VoteColumn column, DbDataReader reader, int ordinal, VoteTableBuilder builder, Dictionary<long, int> judges)
    {
        if (reader.IsDBNull(ordinal))
        {
            return;
        }

        switch (column)
        {
            case VoteColumn.ModelA:
                row.ModelA = reader.GetInt32(ordinal);
                break;
            case VoteColumn.ModelB:
                row.ModelB = reader.GetInt32(ordinal);
                break;
            case VoteColumn.Winner:
                row.Winner = (Winner)reader.GetInt16(ordinal);
                break;
            case VoteColumn.Categories:
                row.Tags = unchecked((ulong)reader.GetInt64(ordinal));
                break;
            case VoteColumn.TimestampMs:
                row.TimestampMs = reader.GetInt64(ordinal);
                break;
            case VoteColumn.JudgeHash:
                var hash = reader.GetInt64(ordinal);
                if (!judges.TryGetValue(hash, out var judge))
                {
                    judges[hash] = judge = builder.Judges.GetOrAdd(hash.ToString("x16", CultureInfo.InvariantCulture));
                }

                row.Judge = judge;
                break;
            case VoteColumn.Language:
                row.Language = reader.GetInt16(ordinal);
                break;
            case VoteColumn.Anonymous:
                row.Anonymous = reader.GetBoolean(ordinal);
                break;
            case VoteColumn.Turn:
                row.Turn = reader.GetInt16(ordinal);
                break;
            case VoteColumn.DedupSampled:
                row.DedupSampled = reader.GetBoolean(ordinal);
                break;
            default:
                SetStyle(ref row, column, reader.GetInt32(ordinal));
                break;
        }
    }

    /// <summary>Style counters arrive one column at a time; the eight are stored all or none.</summary>
    private static void SetStyle(ref VoteRow row, VoteColumn column, int value)
    {
        var s = row.Style ?? new StyleCounts(0, 0, 0, 0, 0, 0, 0, 0);
        row.Style = column switch
        {
            VoteColumn.TokensA => s with { TokensA = value },
            VoteColumn.TokensB => s with { TokensB = value },
            VoteColumn.HeadersA => s with { HeadersA = value },
            VoteColumn.HeadersB => s with { HeadersB = value },
            VoteColumn.ListsA => s with { ListsA = value },
            VoteColumn.ListsB => s with { ListsB = value },
            VoteColumn.BoldA => s with { BoldA = value },
            VoteColumn.BoldB => s with { BoldB = value },
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

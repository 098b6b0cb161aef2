using Modelwatch.Core.Votes;
using Parquet;
using Parquet.Schema;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Reads a Parquet vote file (the Hugging Face arena datasets) row group by row group with Parquet.Net, so memory
/// holds one row group of the needed columns at a time. Flat columns map by <see cref="ColumnNames"/>; the nested
/// structs are followed to their leaves: <c>category_tag.{group}.{flag}</c> → tags (<see cref="FastChatCategoryTags"/>),
/// <c>conv_metadata.sum_assistant_a_tokens</c> and the leaves under <c>conv_metadata.header_count_a</c> (summed)
/// and friends → style counts, <c>dedup_tag.sampled</c> → the de-duplication flag. Repeated (list) columns such
/// as conversations are not read. Places in messages are 1-based rows.
/// </summary>
internal sealed class ParquetVoteReader(ReadContext ctx, Stream seekable)
{
    private readonly List<Binding> _bindings = [];
    private readonly int[] _style = new int[OptionalFields.StyleFieldCount];

    public async Task ReadAsync()
    {
        ctx.PlacesAreRows = true;
        ctx.FieldWord = "column";
        var ct = ctx.CancellationToken;
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(seekable, leaveStreamOpen: true, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            throw ctx.FileError($"is not a readable Parquet file ({e.Message}).", e);
        }

        await using (reader.ConfigureAwait(false))
        {
            Bind(reader.Schema);
            ctx.Builder.EnsureCapacity((int)Math.Min(int.MaxValue, reader.RowGroups.Sum(g => g.RowCount)));
            long rowBase = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                foreach (var binding in _bindings)
                {
                    try
                    {
                        await binding.Column.ReadAsync(group, rows, ct).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
                    {
                        throw ctx.Error(rowBase + 1, binding.Name, $"cannot read column '{binding.Name}' of row group {g + 1} ({e.Message}); the file is damaged or uses an encoding Parquet.Net does not support.", inner: e);
                    }
                }

                for (var i = 0; i < rows; i++)
                {
                    ReadVote(i, rowBase + i + 1);
                }

                rowBase += rows;
                ctx.Progress();
            }

            if (rowBase == 0)
            {
                ctx.Notes.Add("The Parquet file holds no rows.");
            }
        }
    }

    private void Bind(ParquetSchema schema)
    {
        var leaves = schema.GetDataFields().Where(f => f.MaxRepetitionLevel == 0).ToList();
        var topLevel = leaves.Where(f => f.Path.Length == 1).Select(f => f.Name).ToList();
        var hasModelA = topLevel.Any(n => ColumnNames.Classify(n) is ColumnRole.ModelA or ColumnRole.ModelB);
        var seen = new HashSet<ColumnRole>();
        foreach (var field in leaves)
        {
            var path = field.Path.ToList();
            var name = string.Join('.', path);
            var (role, tagName, styleIndex) = Classify(path, hasModelA);
            if (role == ColumnRole.Ignore)
            {
                continue;
            }

            var column = new ParquetColumn(field);
            if (column.Kind == ParquetColumn.ValueKind.Unsupported)
            {
                ctx.Notes.Add($"Column '{name}' is ignored: its type {field.ClrType.Name} holds no vote data this reader understands.");
                continue;
            }

            if (path.Count == 1 && role is not (ColumnRole.TagCandidate or ColumnRole.StyleCount) && !seen.Add(role))
            {
                ctx.Notes.Add($"Column '{name}' repeats an earlier column and is ignored.");
                continue;
            }

            var slot = tagName is null ? -1 : ctx.Tags.Register(tagName);
            _bindings.Add(new Binding(name, role, column, slot, styleIndex));
        }

        foreach (var (role, required) in new[] { (ColumnRole.ModelA, "model_a"), (ColumnRole.ModelB, "model_b"), (ColumnRole.Winner, "winner") })
        {
            if (!_bindings.Any(b => b.Role == role))
            {
                var columns = schema.Fields.Select(f => $"'{f.Name}'").ToList();
                throw new VoteFileException(
                    ctx.SourceName,
                    $"{ctx.SourceName}: missing required column '{required}'; the file has {columns.Count} top-level columns: {string.Join(", ", columns)}; expected {ColumnNames.RequiredColumnsText}.",
                    field: required);
            }
        }
    }

    /// <summary>What a leaf at <paramref name="path"/> feeds: a role, a tag name for tags, a style position for counts.</summary>
    private static (ColumnRole Role, string? TagName, int StyleIndex) Classify(List<string> path, bool hasModelA)
    {
        if (path.Count == 1)
        {
            var role = ColumnNames.ResolveModelColumn(ColumnNames.Classify(path[0]), hasModelA);
            return role switch
            {
                ColumnRole.TagCandidate => (role, path[0], -1),
                ColumnRole.CategoryTagObject or ColumnRole.ConvMetadataObject or ColumnRole.DedupTagObject => (ColumnRole.Ignore, null, -1),
                _ when OptionalFields.StyleIndex(role) is var index and >= 0 => (ColumnRole.StyleCount, null, index),
                _ => (role, null, -1),
            };
        }

        switch (ColumnNames.Classify(path[0]))
        {
            case ColumnRole.CategoryTagObject when path.Count == 3 && FastChatCategoryTags.TagName(path[1], path[2]) is { } tag:
                return (ColumnRole.TagCandidate, tag, -1);
            case ColumnRole.ConvMetadataObject when path.Count is 2 or 3 && OptionalFields.StyleIndex(ColumnNames.Classify(path[1])) is var index and >= 0:
                return (ColumnRole.StyleCount, null, index);
            case ColumnRole.DedupTagObject when path.Count == 2 && path[1] == "sampled":
                return (ColumnRole.DedupSampled, null, -1);
            default:
                return (ColumnRole.Ignore, null, -1);
        }
    }

    private void ReadVote(int i, long rowNumber)
    {
        ctx.RowsRead++;
        var row = new VoteRow { SourceLine = rowNumber };
        ReadOnlyMemory<char> modelA = default, modelB = default, judge = default, language = default;
        var hasWinner = false;
        var hasStyle = false;
        foreach (var binding in _bindings)
        {
            var column = binding.Column;
            switch (binding.Role)
            {
                case ColumnRole.ModelA:
                case ColumnRole.ModelB:
                    var model = column.Text(i);
                    if (model.Span.Trim().IsEmpty)
                    {
                        ctx.Reject(rowNumber, SkipReasons.MissingModel, binding.Name, $"column '{binding.Name}' is {(column.IsNull(i) ? "null" : "empty")}; expected a model name.");
                        return;
                    }

                    if (binding.Role == ColumnRole.ModelA)
                    {
                        modelA = model;
                    }
                    else
                    {
                        modelB = model;
                    }

                    break;
                case ColumnRole.Winner:
                    var winner = column.Text(i).Span;
                    if (!WinnerSpelling.TryParse(winner, out row.Winner))
                    {
                        var reason = winner.Trim().IsEmpty ? SkipReasons.MissingWinner : SkipReasons.UnknownWinner;
                        ctx.Reject(rowNumber, reason, binding.Name, $"column '{binding.Name}' is {(column.IsNull(i) ? "null" : FieldValues.Describe(winner))}; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
                        return;
                    }

                    hasWinner = true;
                    break;
                case ColumnRole.Judge:
                    judge = column.Text(i);
                    break;
                case ColumnRole.Language:
                    language = column.Text(i);
                    break;
                case ColumnRole.TagCandidate:
                    if (ctx.Tags.IsDropped(binding.TagSlot))
                    {
                        break;
                    }

                    if (!column.TryGetFlag(i, out var flag))
                    {
                        ctx.Tags.Drop(binding.TagSlot, ctx.OnPlace(rowNumber), FieldValues.Describe(column.Text(i).Span), ref row.Tags);
                    }
                    else if (flag == true)
                    {
                        row.Tags |= ctx.Tags.Mask(binding.TagSlot);
                    }

                    break;
                case ColumnRole.StyleCount:
                    if (!ReadStyle(binding, i, rowNumber, ref hasStyle))
                    {
                        return;
                    }

                    break;
                default:
                    if (!ReadOptional(binding, i, rowNumber, ref row, ref hasStyle))
                    {
                        return;
                    }

                    break;
            }
        }

        if (!hasWinner)
        {
            ctx.Reject(rowNumber, SkipReasons.MissingWinner, "winner", $"column 'winner' is null; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
            return;
        }

        row.ModelA = ctx.Builder.Models.GetOrAdd(modelA.Span.Trim());
        row.ModelB = ctx.Builder.Models.GetOrAdd(modelB.Span.Trim());
        if (!judge.Span.Trim().IsEmpty)
        {
            row.Judge = ctx.Builder.Judges.GetOrAdd(judge.Span.Trim());
        }

        if (!language.Span.Trim().IsEmpty)
        {
            row.Language = ctx.Builder.Languages.GetOrAdd(language.Span.Trim());
        }

        if (hasStyle)
        {
            row.Style = OptionalFields.ToStyleCounts(_style);
        }

        ctx.Builder.Add(row);
    }

    /// <summary>Adds a count to its style counter; nested leaves (h1…h6, ordered/unordered, **/__) add up.</summary>
    private bool ReadStyle(Binding binding, int i, long rowNumber, ref bool hasStyle)
    {
        var column = binding.Column;
        long? count;
        if (column.Kind == ParquetColumn.ValueKind.Text)
        {
            var text = column.Text(i).Span.Trim();
            if (text.IsEmpty)
            {
                return true;
            }

            if (!FieldValues.TryParseInt(text, out var parsed))
            {
                count = -1;
            }
            else
            {
                count = parsed;
            }
        }
        else if (!column.TryGetInteger(i, out count))
        {
            count = -1;
        }

        if (count is null)
        {
            return true;
        }

        if (count < 0 || count > int.MaxValue)
        {
            ctx.Reject(rowNumber, SkipReasons.InvalidNumber, binding.Name, $"column '{binding.Name}' is {FieldValues.Describe(column.Text(i).Span)}; expected a whole number (a count).");
            return false;
        }

        if (!hasStyle)
        {
            Array.Clear(_style);
            hasStyle = true;
        }

        _style[binding.StyleIndex] = (int)Math.Min(int.MaxValue, _style[binding.StyleIndex] + count.Value);
        return true;
    }

    /// <summary>Timestamps, flags and turns from typed columns; text goes through <see cref="OptionalFields"/>.</summary>
    private bool ReadOptional(Binding binding, int i, long rowNumber, ref VoteRow row, ref bool hasStyle)
    {
        var column = binding.Column;
        if (column.IsNull(i))
        {
            return true;
        }

        switch (binding.Role)
        {
            case ColumnRole.Timestamp or ColumnRole.TimestampSeconds when column.Kind == ParquetColumn.ValueKind.Time:
                row.TimestampMs = column.TimeMs(i);
                return true;
            case ColumnRole.Timestamp or ColumnRole.TimestampSeconds when column.TryGetReal(i, out var seconds):
                if (!FieldValues.TrySecondsToMilliseconds(seconds!.Value, out var ms))
                {
                    break;
                }

                row.TimestampMs = ms;
                return true;
            case ColumnRole.Anonymous or ColumnRole.DedupSampled when column.Kind != ParquetColumn.ValueKind.Text:
                if (!column.TryGetFlag(i, out var flag))
                {
                    break;
                }

                if (binding.Role == ColumnRole.Anonymous)
                {
                    row.Anonymous = flag;
                }
                else
                {
                    row.DedupSampled = flag;
                }

                return true;
            case ColumnRole.Turn when column.Kind != ParquetColumn.ValueKind.Text:
                if (!column.TryGetInteger(i, out var turn) || turn is < 0 or > int.MaxValue)
                {
                    break;
                }

                row.Turn = (int?)turn;
                return true;
        }

        return OptionalFields.Apply(ctx, ref row, binding.Role, binding.Name, column.Text(i).Span, rowNumber, _style, ref hasStyle);
    }

    private sealed record Binding(string Name, ColumnRole Role, ParquetColumn Column, int TagSlot, int StyleIndex);
}

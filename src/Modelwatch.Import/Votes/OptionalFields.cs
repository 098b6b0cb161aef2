using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Parses the optional metadata fields that arrive as text (every CSV value, JSON strings, Parquet strings) into a
/// <see cref="VoteRow"/>. A value that does not parse rejects the row under a stable reason; an empty
/// value is simply absent. Names (judge, language) are interned by the caller once the row is known good.
/// </summary>
internal static class OptionalFields
{
    /// <summary>Style counters in <see cref="StyleCounts"/> constructor order.</summary>
    public const int StyleFieldCount = 8;

    /// <returns>False when the row was rejected (and, when skipping, counted).</returns>
    public static bool Apply(ReadContext ctx, ref VoteRow row, ColumnRole role, string column, ReadOnlySpan<char> text, long place, int[] style, ref bool hasStyle)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        switch (role)
        {
            case ColumnRole.TimestampSeconds:
                if (!FieldValues.TryParseSeconds(text, out var seconds))
                {
                    return Reject(ctx, place, SkipReasons.InvalidTimestamp, column, text, "seconds since 1970-01-01 (a number)");
                }

                row.TimestampMs = seconds;
                return true;
            case ColumnRole.Timestamp:
                if (!FieldValues.TryParseTimestamp(text, out var instant))
                {
                    return Reject(ctx, place, SkipReasons.InvalidTimestamp, column, text, "an ISO 8601 time or seconds since 1970-01-01");
                }

                row.TimestampMs = instant;
                return true;
            case ColumnRole.Anonymous:
            case ColumnRole.DedupSampled:
                if (!FieldValues.TryParseFlag(text, out var flag))
                {
                    return Reject(ctx, place, SkipReasons.InvalidBoolean, column, text, "true/false or 1/0");
                }

                if (role == ColumnRole.Anonymous)
                {
                    row.Anonymous = flag;
                }
                else
                {
                    row.DedupSampled = flag;
                }

                return true;
            case ColumnRole.Turn:
                if (!FieldValues.TryParseInt(text, out var turn) || turn < 0)
                {
                    return Reject(ctx, place, SkipReasons.InvalidNumber, column, text, "a whole number of turns");
                }

                row.Turn = turn;
                return true;
            default:
                var index = StyleIndex(role);
                if (index < 0)
                {
                    return true;
                }

                if (!FieldValues.TryParseInt(text, out var count) || count < 0)
                {
                    return Reject(ctx, place, SkipReasons.InvalidNumber, column, text, "a whole number (a count)");
                }

                SetStyle(style, ref hasStyle, index, count);
                return true;
        }
    }

    /// <summary>Position of a style role in <see cref="StyleCounts"/>, or -1 for other roles.</summary>
    public static int StyleIndex(ColumnRole role) => role switch
    {
        ColumnRole.TokensA => 0,
        ColumnRole.TokensB => 1,
        ColumnRole.HeadersA => 2,
        ColumnRole.HeadersB => 3,
        ColumnRole.ListsA => 4,
        ColumnRole.ListsB => 5,
        ColumnRole.BoldA => 6,
        ColumnRole.BoldB => 7,
        _ => -1,
    };

    /// <summary>Sets a style counter, clearing the row's counters on the first one (the array is reused across rows).</summary>
    public static void SetStyle(int[] style, ref bool hasStyle, int index, int value)
    {
        if (!hasStyle)
        {
            Array.Clear(style);
            hasStyle = true;
        }

        style[index] = value;
    }

    public static StyleCounts ToStyleCounts(int[] style) =>
        new(style[0], style[1], style[2], style[3], style[4], style[5], style[6], style[7]);

    private static bool Reject(ReadContext ctx, long place, string reason, string column, ReadOnlySpan<char> text, string expected)
    {
        ctx.Reject(place, reason, column, $"{ctx.FieldWord} '{column}' is {FieldValues.Describe(text)}; expected {expected}.");
        return false;
    }
}

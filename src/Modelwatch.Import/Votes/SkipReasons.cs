namespace Modelwatch.Import.Votes;

/// <summary>The stable keys of <see cref="VoteReadResult.SkippedByReason"/>: one per way a row can fail to be a vote.</summary>
public static class SkipReasons
{
    /// <summary>model_a / model_b (or left / right) empty or absent.</summary>
    public const string MissingModel = "missing model";

    /// <summary>The winner is empty or absent.</summary>
    public const string MissingWinner = "missing winner";

    /// <summary>The winner is none of <see cref="Core.Votes.WinnerSpelling.Accepted"/>.</summary>
    public const string UnknownWinner = "unknown winner";

    /// <summary>A CSV record with more or fewer fields than the header.</summary>
    public const string WrongFieldCount = "wrong field count";

    /// <summary>A CSV field with a quote in the wrong place (text after a closing quote).</summary>
    public const string BadQuoting = "bad quoting";

    /// <summary>A byte sequence that is not UTF-8.</summary>
    public const string InvalidUtf8 = "invalid utf-8";

    /// <summary>A number field (turn, tstamp, style counts) that does not hold a number.</summary>
    public const string InvalidNumber = "invalid number";

    /// <summary>A yes/no field (anony, dedup) that holds something else.</summary>
    public const string InvalidBoolean = "invalid boolean";

    /// <summary>A timestamp that is neither ISO 8601 nor a number of seconds.</summary>
    public const string InvalidTimestamp = "invalid timestamp";

    /// <summary>A JSON array element or JSON line that is not an object.</summary>
    public const string NotAnObject = "not an object";
}

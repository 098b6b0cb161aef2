using Modelwatch.Core.Arena;

namespace Modelwatch.Data.Arena;

/// <summary>Side A or B of a battle.</summary>
public enum BattleSide
{
    A,
    B,
}

/// <summary>
/// One side's answer to one turn, stored however it ended, with what the reveal shows (time to first token, tokens
/// per second, token counts) and the style counters the rating engine's style control uses.
/// </summary>
public sealed class ArenaAnswer
{
    public const int MaxReasonLength = 200;

    public Guid BattleId { get; set; }

    public int Turn { get; set; }

    public BattleSide Side { get; set; }

    public string Text { get; set; } = "";

    public AnswerOutcome Outcome { get; set; }

    /// <summary>Why it did not complete (a status or exception type, never a provider's body).</summary>
    public string? Reason { get; set; }

    public int? TimeToFirstTokenMs { get; set; }

    public int DurationMs { get; set; }

    public long? InputTokens { get; set; }

    public long OutputTokens { get; set; }

    /// <summary>False when the provider sent no usage and <see cref="OutputTokens"/> counts streamed pieces.</summary>
    public bool OutputTokensReported { get; set; }

    public int Headers { get; set; }

    public int Lists { get; set; }

    public int Bold { get; set; }
}

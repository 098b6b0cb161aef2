namespace Modelwatch.Core.Arena;

/// <summary>What a voter says after reading both answers; the four buttons of the arena.</summary>
public enum ArenaChoice
{
    /// <summary>Side A's answer is better.</summary>
    A,

    /// <summary>Side B's answer is better.</summary>
    B,

    /// <summary>Both are about as good.</summary>
    Tie,

    /// <summary>Both are bad (a tie for the ratings, kept apart as LMArena does).</summary>
    BothBad,
}

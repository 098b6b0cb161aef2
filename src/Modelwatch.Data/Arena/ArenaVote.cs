using Modelwatch.Core.Arena;

namespace Modelwatch.Data.Arena;

/// <summary>
/// One vote on one turn of a battle (at most one per turn: a unique index, so a vote is never stored twice). Every
/// vote is stored, counted or not: <see cref="Exclusion"/> says why not, and <see cref="Counted"/> is what the arena
/// dataset's counts hold. A counted vote is also a <c>StoredVote</c> of the arena dataset with key
/// <c>StoredVote.Key(arena dataset, Id)</c>.
/// </summary>
public sealed class ArenaVote
{
    public int Id { get; set; }

    public Guid BattleId { get; set; }

    public int Turn { get; set; }

    public ArenaChoice Choice { get; set; }

    public required string Voter { get; set; }

    public DateTimeOffset CastAt { get; set; }

    /// <summary>Names hidden when cast.</summary>
    public bool Blind { get; set; }

    /// <summary>Why the rules left the vote out (<see cref="VoteExclusion.None"/> when they did not).</summary>
    public VoteExclusion Exclusion { get; set; }

    /// <summary>An administrator counted the vote despite <see cref="Exclusion"/>, or excluded it by hand.</summary>
    public bool Overridden { get; set; }

    /// <summary>Whether the vote is in the arena dataset's counts now.</summary>
    public bool Counted { get; set; }

    /// <summary>Category tags of the battle at the time of the vote.</summary>
    public List<string> Categories { get; set; } = [];
}

namespace Modelwatch.Data.Arena;

/// <summary>Blind (names hidden until the vote; counts on the board) or named (the user picked both; never counts).</summary>
public enum BattleMode
{
    Blind,
    Named,
}

/// <summary>Where a battle is: answers still streaming, answered, or a side failed (kept, never counted).</summary>
public enum BattleStatus
{
    Streaming,
    Answered,
    Failed,
}

/// <summary>
/// One battle: two contestants, the voter, and its turns (each a prompt and both answers) and votes. The id is a
/// random GUID, so battle URLs cannot be guessed or enumerated.
/// </summary>
public sealed class ArenaBattle
{
    public const int MaxVoterLength = 128;

    public Guid Id { get; set; }

    public BattleMode Mode { get; set; }

    /// <summary>An anonymous id per browser (<c>anon:…</c>) or the signed-in user (<c>user:…</c>).</summary>
    public required string Voter { get; set; }

    public int ContestantA { get; set; }

    public int ContestantB { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public BattleStatus Status { get; set; }

    /// <summary>When the names were shown (the first vote, or at once in named mode).</summary>
    public DateTimeOffset? RevealedAt { get; set; }

    /// <summary>Category tags guessed from the first prompt (<c>coding</c>, <c>math</c>, …).</summary>
    public List<string> Categories { get; set; } = [];

    public List<ArenaTurn> Turns { get; } = [];

    public List<ArenaAnswer> Answers { get; } = [];
}

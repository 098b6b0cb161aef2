namespace Modelwatch.Data.Arena;

/// <summary>One user prompt of a battle; both sides answer it with their own history.</summary>
public sealed class ArenaTurn
{
    public const int PromptHashLength = 64;

    public Guid BattleId { get; set; }

    /// <summary>1 for the first prompt.</summary>
    public int Number { get; set; }

    public required string Prompt { get; set; }

    /// <summary>SHA-256 (hex) of the normalised prompt, to find repeats without reading prompts.</summary>
    public required string PromptHash { get; set; }

    /// <summary>Images sent with the prompt, as data URLs (only when both models take images).</summary>
    public List<string> Images { get; set; } = [];

    public DateTimeOffset AskedAt { get; set; }
}

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>Limits on what a battle accepts (<c>Modelwatch:Arena</c>), so one prompt cannot tie up providers or memory.</summary>
public sealed class BattleOptions
{
    /// <summary>Longest prompt accepted, in characters.</summary>
    public int MaxPromptChars { get; set; } = 16000;

    /// <summary>Largest image accepted (decoded bytes), per image.</summary>
    public int MaxImageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most images per prompt.</summary>
    public int MaxImages { get; set; } = 4;

    /// <summary>Battle writes (new battles, turns, votes) allowed per voter and minute.</summary>
    public int WritesPerMinute { get; set; } = 60;
}

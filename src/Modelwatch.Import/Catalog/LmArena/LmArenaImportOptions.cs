namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>Settings for <see cref="LmArenaImporter"/>.</summary>
public sealed record LmArenaImportOptions
{
    /// <summary>
    /// The day the leaderboard JSON was published. LMArena's JSON carries no date, and ratings drift, so every entry
    /// is stored under one. When null, a date in the file name is used (<c>leaderboard_20251215.json</c>,
    /// <c>leaderboard-text.2025-12-15.json</c>); a leaderboard file with neither cannot be imported.
    /// </summary>
    public DateOnly? PublishedOn { get; init; }
}

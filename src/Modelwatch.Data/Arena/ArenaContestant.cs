namespace Modelwatch.Data.Arena;

/// <summary>
/// A model as the arena knows it: served by one provider under one id, optionally linked to a catalog model. Its
/// <see cref="BoardName"/> is the name it has in the arena's vote dataset and so on the arena leaderboard.
/// </summary>
public sealed class ArenaContestant
{
    public int Id { get; set; }

    /// <summary>The provider's name (configured or stored).</summary>
    public required string Provider { get; set; }

    /// <summary>The model id the provider is called with.</summary>
    public required string Model { get; set; }

    /// <summary><c>{provider}/{model}</c>: unique, and the model's name on the arena board.</summary>
    public required string BoardName { get; set; }

    /// <summary>The catalog model (<c>lab/model</c>) this is, when the identity matcher or an administrator linked it.</summary>
    public string? CatalogModelId { get; set; }

    /// <summary>When the arena first saw the model; new models are drawn more often until they have votes.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>False when an administrator took the model out of the draw.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether the model takes images (from the catalog's modalities), so image prompts draw only such pairs.</summary>
    public bool AcceptsImages { get; set; }
}

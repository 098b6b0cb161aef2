using Modelwatch.Core.Arena;

namespace Modelwatch.Data.Arena;

/// <summary>
/// A provider added or edited by an administrator in the app (providers from configuration are not stored). The key
/// is kept only as <see cref="ProtectedApiKey"/>, encrypted with ASP.NET Core Data Protection; it is never read back
/// into a page, a log or an export.
/// </summary>
public sealed class ArenaProviderRow
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    /// <summary>Unique; also used by configured providers, and a stored provider may not take a configured one's name.</summary>
    public required string Name { get; set; }

    public ProviderKind Kind { get; set; }

    public required string BaseUrl { get; set; }

    /// <summary>The key encrypted by Data Protection (purpose <c>Modelwatch.Arena.ProviderKeys</c>); null for no key.</summary>
    public string? ProtectedApiKey { get; set; }

    /// <summary>Or the name of an environment variable holding the key.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Models offered besides those the provider lists.</summary>
    public List<string> Models { get; set; } = [];

    public int MaxConcurrency { get; set; } = 4;

    public int FirstTokenTimeoutSeconds { get; set; } = 30;

    public int TotalTimeoutSeconds { get; set; } = 180;

    public int MaxRetries { get; set; } = 3;

    public bool Enabled { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}

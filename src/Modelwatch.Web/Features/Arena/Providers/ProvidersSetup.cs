using Microsoft.AspNetCore.DataProtection;
using Modelwatch.Data;
using Modelwatch.Providers;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>Providers: configured and stored ones, keys under Data Protection, health, contestants.</summary>
public static class ProvidersSetup
{
    /// <summary>Where the Data Protection key ring goes; default <c>&lt;data dir&gt;/keys</c>.</summary>
    public const string KeyRingSetting = "Modelwatch:Arena:KeyRingDirectory";

    public static IServiceCollection AddArenaProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keyRing = configuration[KeyRingSetting];
        if (string.IsNullOrWhiteSpace(keyRing))
        {
            keyRing = Path.Combine(DataDirectory.Default(), "keys");
        }

        // Persisted, so stored provider keys (and sign-in cookies) survive restarts; one application name, so several
        // instances sharing the directory read each other's ciphertext.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing))
            .SetApplicationName("Modelwatch");
        services.AddModelwatchProviders(configuration);
        services.AddSingleton<ProviderKeys>();
        services.AddSingleton<StoredProviders>();
        services.AddSingleton<ArenaContestants>();
        services.AddSingleton<ProviderStatus>();
        return services;
    }
}

using Modelwatch.Core.Arena;
using Modelwatch.Data.Arena;
using Modelwatch.Providers;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>
/// One provider as the providers page and <c>GET /api/arena/providers</c> show it: where it comes from, how it is
/// reached, whether a key is set (never the key), its models and where they came from, and its health.
/// </summary>
public sealed record ProviderView(
    string Name,
    string Source,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ProviderKind>))] ProviderKind Kind,
    string? BaseUrl,
    bool KeySet,
    string? ApiKeyVariable,
    bool Enabled,
    bool Callable,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> ConfiguredModels,
    string ModelSource,
    string? ModelProblem,
    string Circuit,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastError,
    long Successes,
    long Failures,
    int SlotsInUse,
    int MaxConcurrency,
    int FirstTokenTimeoutSeconds,
    int TotalTimeoutSeconds,
    int MaxRetries);

/// <summary>Builds <see cref="ProviderView"/>s from the registry, the stored rows, discovery and health.</summary>
public sealed class ProviderStatus(ProviderRegistry registry, StoredProviders stored, ArenaContestants contestants, ProviderHealthTracker health)
{
    public const string FromConfiguration = "configuration";
    public const string FromApp = "app";

    public async Task<IReadOnlyList<ProviderView>> ListAsync(CancellationToken ct)
    {
        var lists = await contestants.ModelListsAsync(ct).ConfigureAwait(false);
        var rows = await stored.ListAsync(ct).ConfigureAwait(false);
        var views = new List<ProviderView>();
        foreach (var options in registry.Configured.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            views.Add(View(options, FromConfiguration, enabled: true, lists));
        }

        foreach (var row in rows)
        {
            var options = registry.TryGetOptions(row.Name, out var live) ? live : Preview(row);
            views.Add(View(options, FromApp, row.Enabled, lists) with { KeySet = row.ProtectedApiKey is not null || registry.HasKey(options) });
        }

        return views;
    }

    private ProviderView View(ProviderOptions options, string source, bool enabled, IReadOnlyDictionary<string, ModelList> lists)
    {
        var callable = registry.TryGetOptions(options.Name, out var live) && ReferenceEquals(live, options);
        var list = lists.GetValueOrDefault(options.Name)
                   ?? new ModelList([.. options.Models], ModelListSource.Configured, enabled ? "not callable: base URL or key missing" : "disabled");
        var h = callable ? health.Snapshot(options.Name) : null;
        return new ProviderView(
            options.Name, source, options.Kind, options.BaseUrl?.ToString(), registry.HasKey(options), options.ApiKeyVariable,
            enabled, callable, list.Models, [.. options.Models],
            list.Source == ModelListSource.Discovered ? "discovered" : "configured", list.Problem,
            h?.Circuit.ToString() ?? "None", h?.LastSuccess, h?.LastFailure, h?.LastError, h?.Successes ?? 0, h?.Failures ?? 0,
            contestants.SlotsInUse(options.Name), options.MaxConcurrency,
            (int)options.FirstTokenTimeout.TotalSeconds, (int)options.TotalTimeout.TotalSeconds, options.MaxRetries);
    }

    /// <summary>A disabled (or uncallable) stored provider's settings, without decrypting its key.</summary>
    private static ProviderOptions Preview(ArenaProviderRow row) => new()
    {
        Name = row.Name,
        Kind = row.Kind,
        BaseUrl = Uri.TryCreate(row.BaseUrl, UriKind.Absolute, out var url) ? url : null,
        ApiKeyVariable = row.ApiKeyVariable,
        Models = [.. row.Models],
        MaxConcurrency = row.MaxConcurrency,
        FirstTokenTimeout = TimeSpan.FromSeconds(row.FirstTokenTimeoutSeconds),
        TotalTimeout = TimeSpan.FromSeconds(row.TotalTimeoutSeconds),
        MaxRetries = row.MaxRetries,
    };
}

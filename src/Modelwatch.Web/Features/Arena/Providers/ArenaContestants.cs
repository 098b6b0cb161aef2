using Microsoft.Extensions.AI;
using Modelwatch.Providers;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>A contestant as the draw and the battle see it, with whether it can be called right now and why not.</summary>
/// <param name="Id">The <c>ArenaContestant</c> row id (what battles and votes store).</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Model">The model id the provider is called with.</param>
/// <param name="BoardName">Its name on the arena board (<c>{provider}/{model}</c>).</param>
/// <param name="CatalogModelId">The linked catalog model, if any.</param>
/// <param name="AcceptsImages">Whether image prompts may be sent to it.</param>
/// <param name="FirstSeen">When the arena first saw it.</param>
/// <param name="Available">Provider configured and enabled, circuit not open, contestant enabled.</param>
/// <param name="Unavailable">Why not, for people (null when available).</param>
public sealed record ContestantInfo(
    int Id, string Provider, string Model, string BoardName, string? CatalogModelId, bool AcceptsImages,
    DateTimeOffset FirstSeen, bool Available, string? Unavailable);

/// <summary>What a battle needs to call one contestant: its provider's settings (timeouts) and a chat client.</summary>
public sealed record ContestantCall(ProviderOptions Options, IChatClient Client);

/// <summary>
/// CONTRACT (owned by the providers work): every contestant of every configured or stored provider, with availability;
/// the chat client for one; and per-provider streaming slots so the arena never exceeds a provider's
/// <see cref="ProviderOptions.MaxConcurrency"/>.
/// </summary>
public sealed class ArenaContestants
{
    /// <summary>Enabled contestants of enabled providers, each with <see cref="ContestantInfo.Available"/> as of now.</summary>
    public Task<IReadOnlyList<ContestantInfo>> ListAsync(CancellationToken ct) => throw new NotImplementedException();

    /// <summary>One contestant by id (also a disabled one: old battles show it), or null.</summary>
    public Task<ContestantInfo?> FindAsync(int id, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>The client for a contestant; null when its provider is gone or not configured.</summary>
    public ContestantCall? Call(ContestantInfo contestant) => throw new NotImplementedException();

    /// <summary>One streaming slot of a provider, released on dispose; null when all its slots are taken.</summary>
    public IDisposable? TryAcquireSlot(string provider) => throw new NotImplementedException();
}

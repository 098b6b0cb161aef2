using System.Net;

namespace Modelwatch.Web.Features.Access;

/// <summary>
/// Chooses solo or team mode from the addresses the server will listen on: solo only when every one of them is
/// loopback, so an app that others can reach never runs without accounts. Reads what Kestrel reads — the
/// <c>Kestrel:Endpoints</c> section, else <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), else
/// <c>http_ports</c>/<c>https_ports</c> (which bind every interface, as in the .NET container images), else Kestrel's
/// default <c>http://localhost:5000</c>.
/// </summary>
public static class AccessModeResolver
{
    /// <summary>The mode to run in: the configured one, or for <see cref="AccessMode.Auto"/> the one the addresses call for.</summary>
    /// <param name="configured">The mode in <see cref="AccessOptions"/>.</param>
    /// <param name="configuration">The app's configuration.</param>
    public static AccessMode Resolve(AccessMode configured, IConfiguration configuration) =>
        configured == AccessMode.Auto ? FromAddresses(ListenAddresses(configuration)) : configured;

    /// <summary>Solo when every address is loopback (and there is at least one), else team.</summary>
    /// <param name="addresses">URLs as Kestrel takes them, e.g. <c>http://127.0.0.1:5080</c>, <c>http://*:80</c>.</param>
    public static AccessMode FromAddresses(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var any = false;
        foreach (var address in addresses)
        {
            any = true;
            if (!IsLoopback(address))
            {
                return AccessMode.Team;
            }
        }

        return any ? AccessMode.Solo : AccessMode.Team;
    }

    /// <summary>Whether a listen URL binds loopback only: <c>localhost</c>, <c>127.x.x.x</c> or <c>[::1]</c>.</summary>
    /// <param name="address">A URL as Kestrel takes it; <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c> or a name bind more.</param>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var host = address.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The addresses Kestrel will listen on according to the configuration, in its order of precedence.</summary>
    /// <param name="configuration">The app's configuration.</param>
    public static IReadOnlyList<string> ListenAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"])
            .OfType<string>()
            .Where(u => u.Length > 0)
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        var urls = Split(configuration["urls"]);
        if (urls.Count > 0)
        {
            return urls;
        }

        // http_ports/https_ports bind every interface: "http://*:8080".
        var ports = Split(configuration["http_ports"]).Select(p => "http://*:" + p)
            .Concat(Split(configuration["https_ports"]).Select(p => "https://*:" + p))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>The mode this run uses, decided once at start (see <see cref="AccessModeResolver"/>).</summary>
/// <param name="Mode">Solo or team, never auto.</param>
/// <param name="PublicLeaderboard">In team mode, whether reading needs no account.</param>
public sealed record AccessState(AccessMode Mode, bool PublicLeaderboard)
{
    /// <summary>Whether accounts are in use.</summary>
    public bool IsTeam => Mode == AccessMode.Team;
}

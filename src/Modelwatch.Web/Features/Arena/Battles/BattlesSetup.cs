using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>Battles: the draw, the two streams, votes and the reveal, multi-turn, named mode.</summary>
public static class BattlesSetup
{
    /// <summary>
    /// The rate-limit policy of the battle writes, per voter (cookie or account) rather than per address: many people
    /// behind one address (or many browsers on one machine) each get their own allowance.
    /// </summary>
    public const string RateLimitPolicy = "arena";

    public static IServiceCollection AddArenaBattles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Modelwatch:Arena");
        services.Configure<BattleOptions>(section);
        var perMinute = Math.Max(1, section.Get<BattleOptions>()?.WritesPerMinute ?? new BattleOptions().WritesPerMinute);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                VoterIdentity.Peek(context) ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true })));
        services.AddSingleton<TurnBroadcaster>();
        services.AddSingleton<BattleService>();
        return services;
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Modelwatch.Web.Features.Access;

/// <summary>How many writes one person (or, signed out, one address) may make per window: <c>Modelwatch:RateLimits</c>.</summary>
public sealed class WriteLimitOptions
{
    public const string Section = "Modelwatch:RateLimits";

    /// <summary>Writes allowed per window and partition.</summary>
    public int Writes { get; set; } = 30;

    /// <summary>The window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limits on writes, so one account or address cannot flood the database with imports, votes or sign-in
/// attempts. Endpoints opt in with <see cref="RequireWriteLimit{TBuilder}"/> (the named policy <see cref="Policy"/>);
/// every other POST/PUT/PATCH/DELETE (Razor Pages handlers, forms) is limited by a global limiter with the same
/// numbers. Over the limit: 429, a problem detail and <c>Retry-After</c>.
/// </summary>
public static class WriteLimits
{
    /// <summary>The named rate-limiting policy for writes.</summary>
    public const string Policy = "writes";

    /// <summary>Limits this endpoint with the write policy (per user, else per address).</summary>
    /// <param name="builder">An endpoint or group.</param>
    public static TBuilder RequireWriteLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(Policy);

    internal static WebApplicationBuilder AddWriteLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WriteLimitOptions.Section);
        builder.Services.Configure<WriteLimitOptions>(section);
        var limits = section.Get<WriteLimitOptions>() ?? new WriteLimitOptions();
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.Writes),
            Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => window));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsWrite(context.Request.Method) && !HasOwnPolicy(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => window)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : (int)window.Window.TotalSeconds;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<AccessText>>();
                // An endpoint with its own policy (the arena's, per voter) has other numbers than the write limit's.
                var detail = HasOwnPolicy(context)
                    ? text["Too many changes in a short time. Try again in {0} seconds.", seconds]
                    : text["Too many changes in a short time: at most {0} per {1} seconds. Try again in {2} seconds.", window.PermitLimit, (int)window.Window.TotalSeconds, seconds];
                await AccessSetup.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, detail).ConfigureAwait(false);
            };
        });
        return builder;
    }

    /// <summary>The signed-in name, else the remote address.</summary>
    private static string PartitionOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasOwnPolicy(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<EnableRateLimitingAttribute>() is not null || metadata.GetMetadata<DisableRateLimitingAttribute>() is not null);
}

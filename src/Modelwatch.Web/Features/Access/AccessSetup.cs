using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Modelwatch.Web.Features.Access;

/// <summary>
/// Authentication and authorization. Solo mode signs in the person on loopback as the owner (every role); a
/// connection from elsewhere is refused. Team mode is accounts and roles.
/// </summary>
public static class AccessSetup
{
    /// <summary>The scheme of solo mode.</summary>
    public const string LocalOwnerScheme = "LocalOwner";

    /// <summary>Registers the options, the schemes and the policies.</summary>
    /// <param name="builder">The web application builder.</param>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        builder.Services.AddAuthentication(LocalOwnerScheme)
            .AddScheme<AuthenticationSchemeOptions, LocalOwnerHandler>(LocalOwnerScheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.Member, Roles.Administrator))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));
        return builder;
    }

    /// <summary>Authentication and authorization in the pipeline.</summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseAccess(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Solo mode: a loopback connection is the owner, with every role; nothing else is authenticated.</summary>
internal sealed class LocalOwnerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "owner"), new Claim(ClaimTypes.Role, Roles.Administrator), new Claim(ClaimTypes.Role, Roles.Member)],
            AccessSetup.LocalOwnerScheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSetup.LocalOwnerScheme)));
    }
}

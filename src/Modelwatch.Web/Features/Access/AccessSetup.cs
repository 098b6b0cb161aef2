using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Modelwatch.Data;
using Modelwatch.Data.Accounts;

namespace Modelwatch.Web.Features.Access;

/// <summary>
/// Authentication and authorization. Solo mode signs in the person on loopback as the owner (every role) and refuses
/// a connection from elsewhere; team mode is accounts and roles (ASP.NET Core Identity, a cookie). The mode is
/// decided once at start (<see cref="AccessModeResolver"/>) and logged.
/// </summary>
public static partial class AccessSetup
{
    /// <summary>The scheme of solo mode.</summary>
    public const string LocalOwnerScheme = "LocalOwner";

    /// <summary>Where people sign in (team mode).</summary>
    public const string LoginPath = "/account/login";

    /// <summary>Registers the options, the resolved mode, Identity, the schemes, the policies and the write limits.</summary>
    /// <param name="builder">The web application builder.</param>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AccessOptions.Section);
        services.Configure<AccessOptions>(section);
        var options = section.Get<AccessOptions>() ?? new AccessOptions();
        var state = new AccessState(AccessModeResolver.Resolve(options.Mode, builder.Configuration), options.PublicLeaderboard);
        services.AddSingleton(state);

        services.AddIdentityCore<ModelwatchUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): a long passphrase is fine, "Passw0rd!" is not better.
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ModelwatchDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        // A changed role or a removed account reaches the person's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        var authentication = services.AddAuthentication(state.IsTeam ? IdentityConstants.ApplicationScheme : LocalOwnerScheme)
            .AddScheme<AuthenticationSchemeOptions, LocalOwnerHandler>(LocalOwnerScheme, null);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p =>
            {
                if (state.IsTeam && state.PublicLeaderboard)
                {
                    p.RequireAssertion(_ => true);
                }
                else
                {
                    p.RequireAuthenticatedUser();
                }
            })
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.Member, Roles.Administrator))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));

        builder.AddWriteLimits();
        return builder;
    }

    /// <summary>
    /// The solo-mode guard, authentication, authorization and the write limits in the pipeline (after routing). Logs
    /// the mode, and warns when solo mode finds the server listening beyond loopback anyway.
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.ApplicationServices.GetRequiredService<AccessState>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessSetup).FullName!);
        LogMode(logger, state.Mode, state.PublicLeaderboard);
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        var server = app.ApplicationServices.GetService<IServer>();
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (state.Mode == AccessMode.Solo && addresses.Any(a => !AccessModeResolver.IsLoopback(a)))
            {
                LogSoloBeyondLoopback(logger, string.Join(", ", addresses));
            }
        });

        if (state.Mode == AccessMode.Solo)
        {
            app.Use(RefuseOthersInSoloModeAsync);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Solo mode serves this machine only, whatever the server was told to bind.</summary>
    internal static async Task RefuseOthersInSoloModeAsync(HttpContext context, RequestDelegate next)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || IPAddress.IsLoopback(remote))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<AccessText>>();
        await WriteProblemAsync(
            context,
            StatusCodes.Status403Forbidden,
            text["This Modelwatch runs in solo mode and serves only this computer (loopback). To share it, set Modelwatch:Access:Mode to Team, which uses accounts."]).ConfigureAwait(false);
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "modelwatch.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromDays(14);
        o.SlidingExpiration = true;
        o.LoginPath = LoginPath;
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/login";
        o.Events.OnRedirectToLogin = async context =>
        {
            if (IsApi(context.Request))
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AccessText>>();
                await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, text["Sign in first: this Modelwatch needs an account (send the sign-in cookie from /account/login)."]).ConfigureAwait(false);
                return;
            }

            context.Response.Redirect(context.RedirectUri);
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AccessText>>();
            return WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, text["Your account may not do this; ask an administrator."]);
        };
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>An RFC 7807 answer (problem+json) with the given status.</summary>
    internal static async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access mode: {Mode} (public leaderboard: {PublicLeaderboard})")]
    private static partial void LogMode(ILogger logger, AccessMode mode, bool publicLeaderboard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Solo mode, but the server listens on {Addresses}: connections from other computers are refused. Set Modelwatch:Access:Mode=Team to share the app.")]
    private static partial void LogSoloBeyondLoopback(ILogger logger, string addresses);
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

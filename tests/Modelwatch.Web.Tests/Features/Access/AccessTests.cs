using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Hosting;
using Modelwatch.Web.Tests.Features.Account;

namespace Modelwatch.Web.Tests.Features.Access;

public sealed class AccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Solo_mode_serves_loopback_without_signing_in(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);

        using var page = await app.Client.GetAsync("", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("id=\"account-status\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // The owner has every role: the accounts page (an administrator's) opens too.
        using var users = await app.Client.GetAsync("account/users", Cancel);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("id=\"users-solo\"", await users.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?> { ["Modelwatch:Access:Mode"] = "Team" });
        using var client = new AccountClient(app);

        // A Razor Pages form and a minimal-API form endpoint, each with the cookie half but without the form field.
        await client.TokenAsync("account/setup");
        using var setup = new FormUrlEncodedContent([new("UserName", "mallory"), new("Password", "0123456789ab"), new("Confirm", "0123456789ab")]);
        using var page = await client.Http.PostAsync("account/setup", setup, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);

        using var language = new FormUrlEncodedContent([new("culture", "ko"), new("returnUrl", "/")]);
        using var endpoint = await client.Http.PostAsync("language", language, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, endpoint.StatusCode);

        // With the token the same setup goes through: the rejection was the missing token.
        using var accepted = await client.PostFormAsync("account/setup", "account/setup", [new("UserName", "mallory"), new("Password", "0123456789ab"), new("Confirm", "0123456789ab")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Writes_beyond_the_limit_get_429_with_retry_after(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Modelwatch:RateLimits:Writes"] = "3",
            ["Modelwatch:RateLimits:WindowSeconds"] = "120",
        });
        using var client = new AccountClient(app);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormAsync("", "language", [new("culture", "en"), new("returnUrl", "/")]);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await client.PostFormAsync("", "language", [new("culture", "en"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 120);
        Assert.Contains("at most 3 per 120 seconds", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // Reading is never limited.
        using var read = await client.Http.GetAsync("", Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Pages_and_api_answers_carry_the_security_headers(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?> { ["Modelwatch:Access:Mode"] = "Team", ["Modelwatch:Access:PublicLeaderboard"] = "true" });

        foreach (var path in new[] { "", "account/setup", "api/leaderboard", "api/openapi/v1.json" })
        {
            using var response = await app.Client.GetAsync(path, Cancel);
            var headers = response.Headers;
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
        }

        // Over plain HTTP no Strict-Transport-Security is sent (browsers ignore it there; it is for HTTPS answers).
        using var plain = await app.Client.GetAsync("", Cancel);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory, BothDatabases]
    public async Task Solo_mode_refuses_a_connection_from_another_address(DatabaseProvider provider)
    {
        // The harness listens on loopback only, so the guard gets a request as Kestrel would hand over one from the LAN.
        await using var app = await WebApp.StartAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();

        async Task<(int Status, bool Served, string Body)> FromAsync(IPAddress remote)
        {
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Connection.RemoteIpAddress = remote;
            context.Response.Body = new MemoryStream();
            var served = false;
            await AccessSetup.RefuseOthersInSoloModeAsync(context, _ =>
            {
                served = true;
                return Task.CompletedTask;
            });
            context.Response.Body.Position = 0;
            using var reader = new StreamReader(context.Response.Body);
            return (context.Response.StatusCode, served, await reader.ReadToEndAsync(Cancel));
        }

        var lan = await FromAsync(IPAddress.Parse("192.168.1.20"));
        Assert.Equal((StatusCodes.Status403Forbidden, false), (lan.Status, lan.Served));
        Assert.Contains("solo mode", lan.Body, StringComparison.Ordinal);

        var local = await FromAsync(IPAddress.IPv6Loopback);
        Assert.Equal((StatusCodes.Status200OK, true), (local.Status, local.Served));
    }
}

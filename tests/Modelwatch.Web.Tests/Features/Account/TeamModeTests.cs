using System.Net;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Tests.Features.Account;

public sealed class TeamModeTests
{
    private const string AdminPassword = "correct horse battery";
    private const string MemberPassword = "staple paper clip 42";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Team(bool publicLeaderboard = false) => new()
    {
        ["Modelwatch:Access:Mode"] = "Team",
        ["Modelwatch:Access:PublicLeaderboard"] = publicLeaderboard ? "true" : "false",
    };

    [Theory, BothDatabases]
    public async Task Anonymous_pages_go_to_sign_in_and_the_api_answers_401(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Team());

        using var page = await app.Client.GetAsync("", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", AccountClient.PathOf(page), ignoreCase: true);

        using var api = await app.Client.GetAsync("api/leaderboard", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/account/login", await api.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // No account yet: the login page sends to the first-administrator setup.
        using var login = await app.Client.GetAsync("account/login", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/setup", AccountClient.PathOf(login), ignoreCase: true);
    }

    [Theory, BothDatabases]
    public async Task The_first_administrator_adds_a_member_who_may_browse_but_not_manage(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Team());
        using var admin = new AccountClient(app);

        using (var setup = await admin.PostFormAsync("account/setup", "account/setup", [new("UserName", "ada"), new("Password", AdminPassword), new("Confirm", AdminPassword)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
            Assert.Equal("/account/users", AccountClient.PathOf(setup), ignoreCase: true);
        }

        // Set up once: afterwards the page sends everyone to sign in, and a second administrator cannot be made there.
        using (var again = await new AccountClient(app).Http.GetAsync("account/setup", Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var users = await admin.Http.GetStringAsync("account/users", Cancel);
        Assert.Contains("data-user=\"ada\"", users, StringComparison.Ordinal);
        Assert.Contains("id=\"account-name\">ada<", users, StringComparison.Ordinal);

        using (var created = await admin.PostFormAsync("account/users", "account/users?handler=Create", [new("UserName", "bob"), new("Password", MemberPassword), new("Role", "Member")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using (var tooShort = await admin.PostFormAsync("account/users", "account/users?handler=Create", [new("UserName", "eve"), new("Password", "short"), new("Role", "Member")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
            Assert.Contains("at least 10 characters", await tooShort.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        users = await admin.Http.GetStringAsync("account/users", Cancel);
        Assert.Matches("data-user=\"bob\">\\s*<td[^>]*>bob </td>\\s*<td[^>]* data-role=\"Member\"", users);
        Assert.DoesNotContain("data-user=\"eve\"", users, StringComparison.Ordinal);

        using var member = new AccountClient(app);
        using (var wrong = await member.SignInAsync("bob", "not the password"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var signedIn = await member.SignInAsync("bob", MemberPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var board = await member.Http.GetAsync("", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
            Assert.Contains("id=\"account-name\">bob<", await board.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var api = await member.Http.GetAsync("api/leaderboard", Cancel))
        {
            // Signed in, so the API answers; the empty database has no board (404), not 401.
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        }

        using (var manage = await member.Http.GetAsync("account/users", Cancel))
        {
            Assert.Equal(HttpStatusCode.Forbidden, manage.StatusCode);
        }

        // Signing out ends the session: the board needs signing in again.
        using (var signOut = await member.PostFormAsync("", "account/logout", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using (var after = await member.Http.GetAsync("", Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task Five_wrong_passwords_lock_the_account(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Team());
        using var admin = new AccountClient(app);
        using var setup = await admin.PostFormAsync("account/setup", "account/setup", [new("UserName", "ada"), new("Password", AdminPassword), new("Confirm", AdminPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);

        using var guesser = new AccountClient(app);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await guesser.SignInAsync("ada", "guess number " + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Now even the right password is refused until the lockout ends.
        using var right = await guesser.SignInAsync("ada", AdminPassword);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_public_leaderboard_is_readable_without_an_account_but_management_is_not(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Team(publicLeaderboard: true));

        using var page = await app.Client.GetAsync("", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"sign-in\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var api = await app.Client.GetAsync("api/leaderboard", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);

        using var users = await app.Client.GetAsync("account/users", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/account/login", AccountClient.PathOf(users), ignoreCase: true);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Tests.Features.Account;

/// <summary>A browser-like client of its own (cookies, no redirects followed) that posts forms with their anti-forgery token.</summary>
internal sealed partial class AccountClient(WebApp app) : IDisposable
{
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The anti-forgery token of a page's form (the cookie half lands in this client's cookie jar).</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page, Cancel);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"{page} has no anti-forgery token in its form");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form the way the page would: with the token taken from <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(formPage);
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await Http.PostAsync(action, content, Cancel);
    }

    /// <summary>Signs in through the login form; returns the response (302 on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostFormAsync("account/login", "account/login", [new("UserName", name), new("Password", password)]);

    /// <summary>The path a redirect goes to (the query left out), whether the app wrote it absolute or relative.</summary>
    public static string? PathOf(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.AbsolutePath,
        var uri => uri.OriginalString.Split('?')[0],
    };

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

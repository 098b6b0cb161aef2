namespace Modelwatch.Web.Features.Account;

/// <summary>What the account pages share: where to go back to after signing in.</summary>
internal static class AccountPages
{
    /// <summary>A local path to return to, or the front page (never another site: open redirects are refused).</summary>
    /// <param name="returnUrl">From the query or form.</param>
    public static string SafeReturn(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? "/"
            : returnUrl;
}

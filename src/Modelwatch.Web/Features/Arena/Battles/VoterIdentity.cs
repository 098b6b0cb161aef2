using System.Security.Claims;
using System.Security.Cryptography;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>
/// Who votes: a signed-in account votes as <c>user:{id}</c>; everyone else (including the solo-mode owner, so that
/// several browsers on one machine stay different voters) as <c>anon:{cookie}</c>, where the cookie <c>mw_voter</c>
/// is a random 128-bit value set on the first arena request. Votes are tied to a voter so that the fairness rules
/// (rate limits, daily caps, outlier flags) can act per person.
/// </summary>
public static class VoterIdentity
{
    public const string Cookie = "mw_voter";

    /// <summary>The voter of this request, setting the cookie when it has none yet.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Peek(context) is { } known)
        {
            return known;
        }

        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(Cookie, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(400),
        });
        context.Items[Cookie] = value;
        return "anon:" + value;
    }

    /// <summary>The voter if known without setting a cookie, else null.</summary>
    public static string? Peek(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity is { IsAuthenticated: true } identity
            && !string.Equals(identity.AuthenticationType, AccessSetup.LocalOwnerScheme, StringComparison.Ordinal))
        {
            var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? identity.Name;
            if (!string.IsNullOrEmpty(id))
            {
                return "user:" + id;
            }
        }

        var cookie = context.Items[Cookie] as string ?? context.Request.Cookies[Cookie];
        return cookie is { Length: 32 } && cookie.All(char.IsAsciiHexDigitLower) ? "anon:" + cookie : null;
    }
}

using Microsoft.AspNetCore.Localization;

namespace Modelwatch.Web.Features.Languages;

/// <summary>
/// Picks the interface language from the browser's <c>Accept-Language</c> by language, not by exact tag: "ko-KR",
/// "ko" and "ko-KP" all choose Korean. The framework's provider relies on culture data (a culture's parent) that the
/// app, built without ICU, does not have, so it would never get from "ko-KR" to "ko".
/// </summary>
public sealed class LanguageTagProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in header.Where(v => v.Quality is null or > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value;
            if (string.IsNullOrEmpty(tag))
            {
                continue;
            }

            var language = tag.Split('-')[0];
            var match = LanguageSetup.Available.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match.Name));
            }
        }

        return NullProviderCultureResult;
    }
}

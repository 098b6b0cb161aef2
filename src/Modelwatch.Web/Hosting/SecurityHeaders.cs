using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Hosting;

/// <summary>
/// Response headers that keep a page from being framed, sniffed or made to run script from elsewhere. Pages load
/// script and styles only from this app; plots are inline SVG, so no third-party origin is ever needed.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy every response carries.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Adds the headers to every response; in team mode outside Development, HTTPS responses also carry
    /// Strict-Transport-Security (browsers then never use plain HTTP for this host; loopback names are exempt).
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<AccessState>() is { IsTeam: true }
            && !app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            app.UseHsts();
        }

        return app.Use(AddHeaders);
    }

    private static Task AddHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}

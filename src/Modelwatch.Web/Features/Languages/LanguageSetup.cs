using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Modelwatch.Web.Features.Languages;

/// <summary>
/// The interface's languages: English (the text in the code and the neutral resource files) plus every language a
/// satellite resource assembly was built for — adding a language is adding <c>*.xx.resx</c> files. The browser's
/// <c>Accept-Language</c> chooses; the switch in the header (a cookie) or <c>?culture=xx</c> overrides.
/// </summary>
public static class LanguageSetup
{
    /// <summary>The language of the text in the code.</summary>
    public const string Default = "en";

    /// <summary>The languages this build speaks, <see cref="Default"/> first.</summary>
    public static IReadOnlyList<CultureInfo> Available { get; } = Discover();

    /// <summary>A language's name in itself ("English", "한국어"), from its own resource file.</summary>
    /// <param name="culture">One of <see cref="Available"/>.</param>
    public static string NameOf(CultureInfo culture) => Names.GetString("This language", culture) ?? culture.Name;

    private static readonly System.Resources.ResourceManager Names = new(typeof(Shared.SharedText).FullName!, typeof(Shared.SharedText).Assembly);

    /// <summary>Registers localization (resources are found by type name, next to the code that uses them).</summary>
    /// <param name="builder">The web application builder.</param>
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Default);
            o.SupportedCultures = [.. Available];
            o.SupportedUICultures = [.. Available];
            // Query string (?culture=ko), then the switch's cookie, then the browser's languages by language tag.
            var accept = o.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>().ToList();
            foreach (var provider in accept)
            {
                o.RequestCultureProviders.Remove(provider);
            }

            o.RequestCultureProviders.Add(new LanguageTagProvider());
        });
        return builder;
    }

    /// <summary>Chooses each request's language.</summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary><c>POST /language</c>: remembers the chosen language in a cookie and goes back to the page.</summary>
    /// <param name="app">The endpoint route builder.</param>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/language", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context, TimeProvider time) =>
        {
            if (!Available.Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.Problem(
                    detail: $"Unknown language '{culture}'; this build speaks {string.Join(", ", Available.Select(c => c.Name))}.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>English and the culture folders that hold this app's satellite resource assembly.</summary>
    private static CultureInfo[] Discover()
    {
        var satellite = typeof(LanguageSetup).Assembly.GetName().Name + ".resources.dll";
        var found = Directory.EnumerateDirectories(AppContext.BaseDirectory)
            .Where(d => File.Exists(Path.Combine(d, satellite)))
            .Select(d => Path.GetFileName(d))
            .Where(n => !string.Equals(n, Default, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(n => new CultureInfo(n));
        return [new CultureInfo(Default), .. found];
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Advisor;
using Modelwatch.Web.Features.Arena;
using Modelwatch.Web.Features.Benchmarks;
using Modelwatch.Web.Features.Compare;
using Modelwatch.Web.Features.Evals;
using Modelwatch.Web.Features.Languages;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Models;
using Modelwatch.Web.Features.News;
using Modelwatch.Web.Features.News.Digest;
using Modelwatch.Web.Features.Published;
using Modelwatch.Web.Features.Sources;
using Modelwatch.Web.Features.Votes;

namespace Modelwatch.Web.Hosting;

/// <summary>
/// The app's composition, kept out of Program.cs: services (<see cref="AddModelwatch"/>), the request pipeline
/// (<see cref="UseModelwatch"/>) and every feature's pages and endpoints (<see cref="MapModelwatch"/>).
/// </summary>
public static class ModelwatchHosting
{
    /// <summary>Registers everything the app needs; each feature adds its own services.</summary>
    /// <param name="builder">The web application builder.</param>
    public static WebApplicationBuilder AddModelwatch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddModelwatchDatabase();
        // Korean (and any other script) is written as characters, not escaped: pages stay readable and small.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Modelwatch API";
            document.Info.Description = "Leaderboards from votes, the model catalog, benchmarks and sources: everything the pages show, as JSON.";
            return Task.CompletedTask;
        }));
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        builder.AddLanguages();
        builder.AddAccess();
        services.AddLeaderboard();
        services.AddSources();
        services.AddModels().AddCompare().AddBenchmarks();
        services.AddPublished();
        services.AddAdvisor();
        services.AddArena(builder.Configuration);
        services.AddNews(builder.Configuration);
        services.AddNewsDigest(builder.Configuration);
        services.AddEvals();
        return builder;
    }

    /// <summary>The request pipeline: errors as problem details (API) or the error page, security headers, language, access.</summary>
    /// <param name="app">The built application.</param>
    public static WebApplication UseModelwatch(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseLanguages();
        app.UseRouting();
        app.UseAccess();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the pages, the JSON API under <c>/api</c> and its OpenAPI document.</summary>
    /// <param name="app">The built application.</param>
    public static WebApplication MapModelwatch(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapLanguageSwitch();

        var api = app.MapGroup("/api").WithTags("Modelwatch").RequireAuthorization(Policies.Reader);
        api.MapLeaderboardApi();
        api.MapSourcesApi();
        api.MapModelsApi().MapCompareApi().MapBenchmarksApi();
        api.MapVotesApi();
        api.MapPublishedApi();
        api.MapAdvisorApi();
        api.MapArenaApi();
        api.MapNewsApi();
        api.MapNewsDigestApi();
        api.MapEvalsApi();
        return app;
    }
}

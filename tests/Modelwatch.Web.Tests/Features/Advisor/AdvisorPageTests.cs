using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Advisor;

namespace Modelwatch.Web.Tests.Features.Advisor;

/// <summary>The advisor page over Kestrel on the seeded data: it shows the service's picks, ties and plot, and names bad fields.</summary>
public sealed partial class AdvisorPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_page_shows_the_services_picks_in_order_ties_as_ties_and_the_plot_of_its_points(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var advisor = app.Services.GetRequiredService<AdvisorService>();

        // Quality only on the general board, ten picks: the top of the 140k votes' board overlaps, so some picks tie.
        const string query = "use=general&w-price=0&picks=10";
        var result = await advisor.AdviseAsync(AdvisorQuery.Parse(AdvisorApiTests.QueryFields(query)), Cancel);
        Assert.Equal(10, result.Picks.Count);
        Assert.Contains(result.Picks, p => p.Tied);

        var page = await app.Client.GetStringAsync("advisor?" + query, Cancel);
        var picks = Pick().Matches(page).Select(m => (Id: WebUtility.HtmlDecode(m.Groups[1].Value), Position: m.Groups[2].Value, Tied: m.Groups[3].Value, Shown: m.Groups[4].Value)).ToList();
        Assert.Equal(result.Picks.Select(p => p.Candidate.ModelId), picks.Select(p => p.Id));
        for (var i = 0; i < picks.Count; i++)
        {
            var expected = result.Picks[i];
            Assert.Equal(expected.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), picks[i].Position);
            Assert.Equal(expected.Tied ? "true" : "false", picks[i].Tied);
            Assert.Equal(AdvisorPlot.Position(expected), picks[i].Shown);
            Assert.Equal(expected.Tied, picks[i].Shown.StartsWith('='));
        }

        Assert.Equal(result.Picks.Count(p => p.Tied), TiedLine().Count(page));

        var plot = Figure(page, "plot-advisor");
        Assert.Contains("role=\"img\"", plot, StringComparison.Ordinal);
        var marks = Mark().Matches(plot).Select(m => (Classes: m.Groups[1].Value.Split(' '), Id: WebUtility.HtmlDecode(m.Groups[2].Value), Position: m.Groups[4].Success ? m.Groups[4].Value : null)).ToList();
        var drawable = result.Plot.Where(p => p.PricePerMillion > 0).ToList();
        Assert.True(drawable.Count > 10, $"only {drawable.Count} points to draw");
        Assert.Equal(drawable.Select(p => p.ModelId).Order(StringComparer.Ordinal), marks.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(drawable.Where(p => p.OnParetoFront).Select(p => p.ModelId).Order(StringComparer.Ordinal), marks.Where(m => m.Classes.Contains("on-front")).Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(drawable.Where(p => p.Picked).Select(p => p.ModelId).Order(StringComparer.Ordinal), marks.Where(m => m.Classes.Contains("picked")).Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Contains(marks, m => m.Classes.Contains("picked"));
        foreach (var mark in marks.Where(m => m.Classes.Contains("picked")))
        {
            Assert.Equal(AdvisorPlot.Position(result.Picks.Single(p => p.Candidate.ModelId == mark.Id)), mark.Position);
        }

        Assert.Contains("<polyline class=\"front\"", plot, StringComparison.Ordinal);
        Assert.Contains($"data-count=\"{result.Excluded.Count}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/advisor?{AdvisorQuery.ToQuery(result.Request).Replace("&", "&amp;", StringComparison.Ordinal)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_bad_field_is_named_on_the_page_and_kept_in_the_form(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        using var response = await app.Client.GetAsync("advisor?use=coding&min-context=lots", Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-field=\"min-context\"", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]* type=\"text\" id=\"min-context\" name=\"min-context\" value=\"lots\"[^>]*aria-invalid=\"true\"", page);
        Assert.DoesNotContain("id=\"short-list\"", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Without_a_question_the_page_is_the_form_with_the_choices_of_the_data(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var choices = await app.Services.GetRequiredService<AdvisorService>().ChoicesAsync(Cancel);
        var page = await app.Client.GetStringAsync("advisor", Cancel);

        Assert.Contains("id=\"advisor-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"advice\"", page, StringComparison.Ordinal);
        Assert.Contains(SeededData.VotesDataset, choices.Datasets);
        Assert.NotEmpty(choices.Languages);
        foreach (var language in choices.Languages)
        {
            Assert.Contains($"<option value=\"{language}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains($"<option value=\"{SeededData.VotesDataset}\"", page, StringComparison.Ordinal);
        Assert.Contains("image", choices.Modalities);
        foreach (var modality in choices.Modalities.Where(m => m != "text"))
        {
            Assert.Matches($"<input[^>]* type=\"checkbox\" id=\"input-{modality}\" name=\"input\" value=\"{modality}\"", page);
        }

        // Every model reads text: it is no constraint, so the form does not offer it.
        Assert.DoesNotContain("id=\"input-text\"", page, StringComparison.Ordinal);
    }

    private static string Figure(string page, string id)
    {
        // Razor adds the scoped-CSS attribute after the tag name, so the figure is found by its class and id.
        var start = page.IndexOf($"class=\"plot\" id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no figure {id}");
        return page[start..page.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<li[^>]* class=\"pick\" data-model-id=\"([^\"]+)\" data-position=\"(\\d+)\" data-tied=\"(true|false)\"[^>]*>\\s*<h2[^>]*><span[^>]* class=\"position\"[^>]*>([^<]+)</span>")]
    private static partial Regex Pick();

    [GeneratedRegex("<p[^>]* class=\"tied-with\">")]
    private static partial Regex TiedLine();

    [GeneratedRegex("<g class=\"(mark[^\"]*)\" data-model-id=\"([^\"]+)\"( data-position=\"([^\"]+)\")?>")]
    private static partial Regex Mark();
}

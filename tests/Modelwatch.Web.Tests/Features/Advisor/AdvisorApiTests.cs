using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Tests.Features.Advisor;

/// <summary><c>GET /api/advisor</c> over Kestrel on the 140k votes and the catalog fixtures.</summary>
public sealed class AdvisorApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Questions that reach different parts of the advisor: vote-fitted and published boards, constraints, budgets, weights.</summary>
    public static readonly string[] Questions =
    [
        "use=general&w-price=0&picks=10",
        "use=coding&self-host=true&commercial=true",
        "use=long-documents&max-price=5&picks=8",
        "use=math&dataset=arena-140k&tools=true",
        "use=language&language=korean&monthly-budget=50&monthly-input=20M&monthly-output=5M",
        "use=multimodal&published-only=true&w-quality=2&w-price=1",
    ];

    [Theory, BothDatabases]
    public async Task The_api_answers_exactly_what_the_service_answers_for_the_same_question(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var advisor = app.Services.GetRequiredService<AdvisorService>();
        var picked = 0;
        foreach (var query in Questions)
        {
            using var response = await app.Client.GetAsync("api/advisor?" + query, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var api = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel));

            var request = AdvisorQuery.Parse(QueryFields(query));
            var direct = await advisor.AdviseAsync(request, Cancel);
            var expected = JsonSerializer.SerializeToNode(direct, AdvisorJson.Options);

            Assert.True(JsonNode.DeepEquals(expected, api), $"{query}: the API's JSON differs from the service's result");
            Assert.Equal(AdvisorQuery.ToQuery(request), AdvisorQuery.ToQuery(JsonSerializer.Deserialize<Modelwatch.Core.Advisor.AdvisorResult>(api, AdvisorJson.Options)!.Request));
            picked += direct.Picks.Count;
        }

        // The comparison means something only if the answers hold picks.
        Assert.True(picked > 10, $"only {picked} picks over {Questions.Length} questions");
    }

    [Theory, BothDatabases]
    public async Task A_field_that_cannot_be_read_is_a_400_naming_it(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        foreach (var (query, field) in new[]
        {
            ("use=coding&min-context=lots", "min-context"),
            ("use=poetry", "use"),
            ("w-quality=0&w-price=0", "w-quality"),
            ("monthly-budget=40", "monthly-input"),
            ("use=coding&colour=red", "colour"),
            ("dataset=no-such-votes", "dataset"),
        })
        {
            using var response = await app.Client.GetAsync("api/advisor?" + query, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Cancel);
            Assert.NotNull(problem);
            Assert.Equal(field, ((JsonElement)problem.Extensions["field"]!).GetString());
            Assert.StartsWith(field + ":", problem.Detail, StringComparison.Ordinal);
        }
    }

    internal static IEnumerable<KeyValuePair<string, string?>> QueryFields(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair[..at]), Uri.UnescapeDataString(pair[(at + 1)..]));
        });
}

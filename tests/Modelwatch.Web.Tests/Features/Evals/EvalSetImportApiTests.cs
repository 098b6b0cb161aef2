using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modelwatch.Data;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary><c>POST /api/evals/sets/import</c>: a file in the body becomes a set; a bad one is refused naming its line and field.</summary>
public sealed class EvalSetImportApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_file_in_the_body_becomes_a_set_and_a_bad_one_is_refused_naming_the_line(DatabaseProvider provider)
    {
        await using var app = await EvalTestApp.StartAsync(provider);

        using (var bad = await app.Client.PostAsync("api/evals/sets/import?name=bad&file=bad.csv", new StringContent("id,prompt\nq1,Hello\nq2,\n", Encoding.UTF8, "text/csv"), Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
            var detail = problem.GetProperty("detail").GetString()!;
            // file:line: field: what was expected.
            Assert.StartsWith("bad.csv:3: prompt:", detail, StringComparison.Ordinal);
        }

        Assert.Empty(await app.Store.ListSetsAsync(Cancel));
        var lines = "{\"question_id\":\"x1\",\"category\":\"math\",\"turns\":[{\"content\":\"What is 2+2?\"}]}\n{\"question_id\":\"x2\",\"turns\":[{\"content\":\"Name a prime.\"}]}\n";
        using var good = await app.Client.PostAsync("api/evals/sets/import?name=arena-hard-like&file=q.jsonl", new StringContent(lines, Encoding.UTF8, "application/jsonl"), Cancel);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var set = (await good.Content.ReadFromJsonAsync<EvalSetSummary>(Json, Cancel))!;
        var detailSet = (await app.Client.GetFromJsonAsync<EvalSetDetail>($"api/evals/sets/{set.Id}", Json, Cancel))!;
        Assert.Equal([("x1", "What is 2+2?"), ("x2", "Name a prime.")], detailSet.Prompts.Select(p => (p.Key, p.Text)));
        Assert.Equal(["math"], detailSet.Prompts[0].Tags);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>The prompt-set and new-run forms: upload (a bad file named by line and field), write and edit a prompt, create a run from the arena's models.</summary>
public sealed partial class EvalPagesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Sets_are_uploaded_and_edited_in_the_app_and_a_run_is_made_from_the_arena_models(DatabaseProvider provider)
    {
        await using var app = await EvalTestApp.StartAsync(provider);
        var index = await app.Client.GetStringAsync("evals", Cancel);
        Assert.Contains("id=\"no-sets\"", index, StringComparison.Ordinal);
        var token = Token(index);

        // A JSON Lines file whose second line has no prompt: 400, the page names the file, the line and the field; no set.
        var broken = "{\"id\":\"a\",\"prompt\":\"Say hi\"}\n{\"id\":\"b\",\"tags\":[\"x\"]}\n"u8.ToArray();
        using (var refused = await UploadAsync(app, token, "Import", broken, "broken.jsonl", ("name", "broken")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Cancel));
            Assert.Matches("id=\"set-error\">broken\\.jsonl:2: [^<]*prompt", page);
        }

        Assert.Empty(await app.Store.ListSetsAsync(Cancel));

        // A good CSV: a set with its prompts and tags.
        var csv = new StringBuilder("id,prompt,tags\n");
        for (var i = 1; i <= 4; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"q{i},{FakeEvalModels.PromptText(i)},{FakeEvalModels.Topic(i)}\n");
        }

        int setId;
        using (var imported = await UploadAsync(app, token, "Import", Encoding.UTF8.GetBytes(csv.ToString()), "mine.csv", ("name", "mine")))
        {
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
            setId = int.Parse(imported.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        }

        var set = (await app.Store.GetSetAsync(setId, Cancel))!;
        Assert.Equal(["q1", "q2", "q3", "q4"], set.Prompts.Select(p => p.Key));

        // Written in the app, then edited: the set page shows the edit; a prompt without text is refused naming the field.
        using (var added = await PostAsync(app, token, "AddPrompt", ("setId", setId.ToString(CultureInfo.InvariantCulture)), ("key", "mine-1"), ("text", "Write a haiku about SQL."), ("tags", "Writing; poetry")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var written = (await app.Store.GetSetAsync(setId, Cancel))!.Prompts.Single(p => p.Key == "mine-1");
        Assert.Equal(["poetry", "writing"], written.Tags.Order(StringComparer.Ordinal));
        using (var edited = await PostAsync(app, token, "EditPrompt", ("setId", setId.ToString(CultureInfo.InvariantCulture)), ("promptId", written.Id.ToString(CultureInfo.InvariantCulture)), ("key", "mine-1"), ("text", "Write a limerick about SQL."), ("tags", "writing")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var setPage = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"evals/sets/{setId}", Cancel));
        Assert.Contains("Write a limerick about SQL.", setPage, StringComparison.Ordinal);
        Assert.DoesNotContain("haiku", setPage, StringComparison.Ordinal);
        using (var empty = await PostAsync(app, token, "AddPrompt", ("setId", setId.ToString(CultureInfo.InvariantCulture)), ("text", " ")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("text:", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // The new-run form lists the arena's models; a run of three with a judge is created (not started) and its page opens.
        var form = await app.Client.GetStringAsync("evals/runs/new", Cancel);
        var ids = ModelOption().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value), m => m.Groups[1].Value);
        Assert.Equal(FakeEvalModels.All.Select(EvalTestApp.Label).Order(StringComparer.Ordinal), ids.Keys.Order(StringComparer.Ordinal));
        using (var created = await app.Client.PostAsync("evals/runs/new", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(form)), new("setId", setId.ToString(CultureInfo.InvariantCulture)), new("name", "form run"),
            new("models", ids[EvalTestApp.Label(FakeEvalModels.Alpha)]), new("models", ids[EvalTestApp.Label(FakeEvalModels.Gamma)]),
            new("baseline", ids[EvalTestApp.Label(FakeEvalModels.Gamma)]), new("judge", ids[EvalTestApp.Label(FakeEvalModels.Judge)]),
            new("concurrency", "2"), new("maxTokens", "300"),
        ]), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var run = (await app.Store.ListRunsAsync(Cancel)).Single();
            Assert.Equal($"/evals/runs/{run.Id}", created.Headers.Location!.OriginalString);
            Assert.Equal(("form run", Data.Evals.EvalRunStatus.Draft, 2, EvalTestApp.Label(FakeEvalModels.Gamma), $"fake/{FakeEvalModels.Judge}", 2, 300),
                (run.Name, run.Status, run.Models.Count, run.BaselineLabel, run.Judge, run.Concurrency, run.MaxOutputTokens));
            var runPage = await app.Client.GetStringAsync($"evals/runs/{run.Id}", Cancel);
            Assert.Contains("id=\"run-start\"", runPage, StringComparison.Ordinal);
            Assert.Contains("id=\"llm-board-empty\"", runPage, StringComparison.Ordinal);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(EvalTestApp app, string token, string handler, params (string Name, string Value)[] fields) =>
        app.Client.PostAsync($"evals/sets/edit?handler={handler}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]), Cancel);

    private static Task<HttpResponseMessage> UploadAsync(EvalTestApp app, string token, string handler, byte[] bytes, string name, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "file", name } };
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return app.Client.PostAsync($"evals/sets/edit?handler={handler}", form, Cancel);
    }

    private static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input[^>]* name=\"models\" value=\"(\\d+)\" data-model=\"([^\"]+)\"")]
    private static partial Regex ModelOption();
}

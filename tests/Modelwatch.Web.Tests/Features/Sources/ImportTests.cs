using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Sources;

namespace Modelwatch.Web.Tests.Features.Sources;

public sealed partial class ImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_votes_file_uploaded_over_http_becomes_the_leaderboard_the_cli_computes(DatabaseProvider provider)
    {
        var votesFile = SharedData.File("data/arena/arena-human-preference-140k/battles.csv.gz");
        await using var app = await WebApp.StartAsync(provider);

        // The empty board shows the getting-started panel instead of a table.
        var empty = await app.Client.GetStringAsync("", Cancel);
        Assert.Contains("id=\"getting-started\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"leaderboard\"", empty, StringComparison.Ordinal);

        var job = await UploadVotesAsync(app, votesFile);
        Assert.True(job.State == ImportJobState.Succeeded, job.Message);
        Assert.Equal("battles", job.Summary?.Dataset);

        var expected = await CliReference.RankAsync(votesFile);
        var board = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        Assert.NotNull(board);
        Assert.Equal(expected.Count, board.Rows.Count);
        Assert.Equal(expected.Sum(r => r.Votes), board.Rows.Sum(r => r.Votes));
        Assert.Equal(expected.ToDictionary(r => r.Model, r => r.Votes), board.Rows.ToDictionary(r => r.Model, r => r.Votes));

        var sources = await GetSourcesAsync(app);
        var dataset = Assert.Single(sources.Datasets);
        Assert.Equal((job.Summary!.Votes, job.Summary.Models), (dataset.Votes, dataset.Models));
        Assert.Equal(expected.Count, dataset.Models);

        var page = await app.Client.GetStringAsync("sources", Cancel);
        Assert.Contains("data-dataset=\"battles\"", page, StringComparison.Ordinal);
        var front = await app.Client.GetStringAsync("", Cancel);
        Assert.DoesNotContain("id=\"getting-started\"", front, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_catalog_upload_and_a_url_import_record_runs_and_a_failing_url_marks_the_source_failing(DatabaseProvider provider)
    {
        var fixture = SharedData.File("data/catalog/aider-polyglot_leaderboard.yml");
        await using var app = await WebApp.StartAsync(provider);
        await using var server = LoopbackServer.Start(fixture);

        // Upload through the page's form: redirected to the job's page.
        var token = await TokenAsync(app);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(CatalogSources.Aider), "source" },
            { new StreamContent(File.OpenRead(fixture)), "file", Path.GetFileName(fixture) },
        };
        using var posted = await app.Client.PostAsync("sources/import?handler=Catalog", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var jobPath = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/sources/imports/", jobPath, StringComparison.Ordinal);
        var first = await WaitAsync(app, jobPath["/sources/imports/".Length..]);
        Assert.True(first.State == ImportJobState.Succeeded, first.Message);
        var added = first.Summary!.Kinds.Sum(k => k.Added);
        Assert.True(added > 0, "the first import adds records");

        var afterUpload = Source(await GetSourcesAsync(app), CatalogSources.Aider);
        Assert.Equal("ok", afterUpload.Status);
        Assert.Equal(first.Summary.RunId, afterUpload.LastRun?.Id);
        Assert.Equal((added, first.Summary.Kinds.Sum(k => k.Changed + k.Removed), first.Summary.Kinds.Sum(k => k.Unchanged), first.Summary.Problems), (afterUpload.LastRun!.Added, afterUpload.LastRun.Changed, afterUpload.LastRun.Unchanged, afterUpload.LastRun.Problems));
        Assert.Equal(Path.GetFileName(fixture), afterUpload.LastRun.Location);
        var jobPage = await app.Client.GetStringAsync(jobPath.TrimStart('/'), Cancel);
        Assert.Contains("id=\"import-counts\"", jobPage, StringComparison.Ordinal);

        // The same data again, from a URL (JSON API): nothing added or changed, everything unchanged.
        var again = await PostCatalogUrlAsync(app, CatalogSources.Aider, new Uri(server.Address, "data/polyglot_leaderboard.yml"));
        Assert.True(again.State == ImportJobState.Succeeded, again.Message);
        var afterUrl = Source(await GetSourcesAsync(app), CatalogSources.Aider);
        Assert.Equal((0, 0), (afterUrl.LastRun!.Added, afterUrl.LastRun.Changed));
        Assert.Equal(afterUpload.LastRun.Added + afterUpload.LastRun.Unchanged, afterUrl.LastRun.Unchanged);
        Assert.Equal(new Uri(server.Address, "data/polyglot_leaderboard.yml").ToString(), afterUrl.LastLocation);

        // A server error: the job fails, the source is failing with the error, the page still answers.
        var broken = await PostCatalogUrlAsync(app, CatalogSources.Aider, new Uri(server.Address, "broken/polyglot_leaderboard.yml"));
        Assert.Equal(ImportJobState.Failed, broken.State);
        Assert.Contains("500", broken.Message, StringComparison.Ordinal);
        var failing = Source(await GetSourcesAsync(app), CatalogSources.Aider);
        Assert.Equal("failing", failing.Status);
        Assert.Contains("500", failing.LastError, StringComparison.Ordinal);
        Assert.Equal(afterUrl.LastSuccessAt, failing.LastSuccessAt);

        using var page = await app.Client.GetAsync("sources", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-source=\"aider\" data-status=\"failing\"", html, StringComparison.Ordinal);
        Assert.Contains(failing.LastError!, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_malformed_votes_file_fails_naming_the_line_and_keeps_what_was_stored(DatabaseProvider provider)
    {
        using var temp = new TempDirectory();
        var good = temp.File("good.csv");
        await File.WriteAllTextAsync(good, "model_a,model_b,winner\nalpha,beta,model_a\nbeta,gamma,tie\ngamma,alpha,model_b\n", Cancel);
        var bad = temp.File("bad.csv");
        await File.WriteAllTextAsync(bad, "model_a,model_b,winner\nalpha,beta,model_a\nbeta,gamma,somebody\n", Cancel);
        await using var app = await WebApp.StartAsync(provider);

        var ok = await UploadVotesAsync(app, good);
        Assert.True(ok.State == ImportJobState.Succeeded, ok.Message);

        var failed = await UploadVotesAsync(app, bad);
        Assert.Equal(ImportJobState.Failed, failed.State);
        Assert.StartsWith("bad.csv:3:", failed.Message, StringComparison.Ordinal);
        Assert.Contains("winner", failed.Message, StringComparison.Ordinal);

        var sources = await GetSourcesAsync(app);
        var dataset = Assert.Single(sources.Datasets);
        Assert.Equal(("good", 3, 3), (dataset.Name, dataset.Votes, dataset.Models));

        var page = await app.Client.GetStringAsync($"sources/imports/{failed.Id}", Cancel);
        Assert.Contains("data-state=\"failed\"", page, StringComparison.Ordinal);
        Assert.Contains(failed.Message!, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Unknown_sources_and_empty_files_are_refused_before_anything_runs(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);

        using var api = await app.Client.PostAsJsonAsync("api/imports/catalog", new { source = "no-such-source", url = "http://127.0.0.1:9/x.json" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var detail = await api.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("no-such-source", detail, StringComparison.Ordinal);
        Assert.Contains(CatalogSources.ModelsDev, detail, StringComparison.Ordinal);

        var token = await TokenAsync(app);
        using var empty = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([]), "file", "empty.csv" },
        };
        using var refused = await app.Client.PostAsync("sources/import?handler=Votes", empty, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("empty.csv", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // Without the anti-forgery token an upload is refused.
        using var forged = new MultipartFormDataContent { { new StringContent("aider"), "source" }, { new ByteArrayContent([1]), "file", "x.yml" } };
        using var noToken = await app.Client.PostAsync("api/imports/catalog", forged, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        Assert.DoesNotContain((await GetSourcesAsync(app)).Sources, s => s.LastRun is not null);
    }

    private static async Task<ImportJobStatus> UploadVotesAsync(WebApp app, string path)
    {
        var token = await TokenAsync(app);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(File.OpenRead(path)), "file", Path.GetFileName(path) },
        };
        using var response = await app.Client.PostAsync("api/imports/votes", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<ImportJobStatus>(Cancel);
        Assert.Equal($"/api/imports/{queued!.Id}", response.Headers.Location?.OriginalString);
        return await WaitAsync(app, queued.Id);
    }

    private static async Task<ImportJobStatus> PostCatalogUrlAsync(WebApp app, string source, Uri url)
    {
        using var response = await app.Client.PostAsJsonAsync("api/imports/catalog", new { source, url = url.ToString() }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<ImportJobStatus>(Cancel);
        return await WaitAsync(app, queued!.Id);
    }

    private static async Task<ImportJobStatus> WaitAsync(WebApp app, string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var job = await app.Client.GetFromJsonAsync<ImportJobStatus>($"api/imports/{id}", Cancel);
            Assert.NotNull(job);
            if (job.State is ImportJobState.Succeeded or ImportJobState.Failed)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"import {id} still {job.State} ({job.Stage})");
            await Task.Delay(200, Cancel);
        }
    }

    private static async Task<SourcesOverview> GetSourcesAsync(WebApp app) =>
        (await app.Client.GetFromJsonAsync<SourcesOverview>("api/sources", Cancel))!;

    private static SourceOverview Source(SourcesOverview overview, string name) => overview.Sources.Single(s => s.Source == name);

    private static async Task<string> TokenAsync(WebApp app)
    {
        var page = await app.Client.GetStringAsync("sources/import", Cancel);
        return TokenField().Match(page).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A loopback HTTP server: <c>/data/…</c> answers with the file, <c>/broken/…</c> with 500.</summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        private LoopbackServer(HttpListener listener, string file, Uri address)
        {
            _listener = listener;
            Address = address;
            _loop = Task.Run(() => ServeAsync(file));
        }

        public Uri Address { get; }

        public static LoopbackServer Start(string file)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            listener.Start();
            return new LoopbackServer(listener, file, address);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _loop;
            }
            catch (HttpListenerException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task ServeAsync(string file)
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                if (path.StartsWith("/data/", StringComparison.Ordinal))
                {
                    var bytes = await File.ReadAllBytesAsync(file);
                    context.Response.StatusCode = 200;
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                else
                {
                    context.Response.StatusCode = path.StartsWith("/broken/", StringComparison.Ordinal) ? 500 : 404;
                }

                context.Response.Close();
            }
        }
    }
}

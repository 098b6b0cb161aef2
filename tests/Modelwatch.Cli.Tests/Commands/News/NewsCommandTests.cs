using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Modelwatch.Core.News;
using Modelwatch.News.Sources;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands.News;

public sealed class NewsCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sources_are_added_by_type_imported_from_opml_listed_and_exported()
    {
        var opmlFile = SharedData.File("data/feeds/nnw__opml2_no_title_attrs.opml");
        using var folder = new TempDirectory();
        var database = folder.File("news.db");

        var arxiv = await RunAsync(database, "news", "sources", "add", "Arxiv", "cs.CL", "--folder", "Papers");
        Assert.Equal(0, arxiv.ExitCode);
        Assert.EndsWith(NewsSourceAddress.Build(NewsSourceKind.Arxiv, "cs.CL", null).AbsoluteUri, arxiv.Out.Trim(), StringComparison.Ordinal);

        var bad = await RunAsync(database, "news", "sources", "add", "Feed", "feeds.example/no-scheme");
        Assert.Equal(ExitCodes.InvalidRequest, bad.ExitCode);
        Assert.Contains("feeds.example/no-scheme", bad.Error, StringComparison.Ordinal);

        var opml = Opml.Read(await File.ReadAllBytesAsync(opmlFile, Cancel), "x");
        var imported = await RunAsync(database, "news", "sources", "import-opml", opmlFile);
        Assert.Equal(0, imported.ExitCode);
        var expected = 1 + opml.Feeds.Select(f => f.XmlUrl.AbsoluteUri).Distinct().Count();
        Assert.Equal(expected, Rows(await RunAsync(database, "news", "sources", "list")).Count);

        // Not OPML: exit 2 naming the file, nothing added.
        var notOpml = SharedData.File("data/feeds/fp__unterminated_root.xml");
        var refused = await RunAsync(database, "news", "sources", "import-opml", notOpml);
        Assert.Equal(ExitCodes.InvalidInput, refused.ExitCode);
        Assert.Contains(Path.GetFileName(notOpml), refused.Error, StringComparison.Ordinal);
        var listed = Rows(await RunAsync(database, "news", "sources", "list"));
        Assert.Equal(expected, listed.Count);

        var exported = await RunAsync(database, "news", "sources", "export-opml");
        Assert.Equal(0, exported.ExitCode);
        var back = Opml.Read(System.Text.Encoding.UTF8.GetBytes(exported.Out), "export.opml");
        Assert.Equal(listed.Select(r => (r[5], r[2].Length == 0 ? null : r[2])).Order(), back.Feeds.Select(f => (f.XmlUrl.AbsoluteUri, f.Folder)).Order());
    }

    [Fact]
    public async Task Fetch_reports_each_source_and_exits_4_when_one_failed()
    {
        var feeds = Path.GetDirectoryName(SharedData.File("data/feeds/PROVENANCE.tsv"))!;
        using var folder = new TempDirectory();
        var database = folder.File("news.db");
        using var server = new FileServer(feeds);
        Assert.Equal(0, (await RunAsync(database, "news", "sources", "add", "Feed", server.Address + "feeds/ai__olshansk_mistral.xml", "--name", "mistral")).ExitCode);
        Assert.Equal(0, (await RunAsync(database, "news", "sources", "add", "Feed", server.Address + "feeds/nnw__qemu_relative_links.atom", "--name", "qemu")).ExitCode);
        Assert.Equal(0, (await RunAsync(database, "news", "sources", "add", "Feed", server.Address + "missing/feed.xml", "--name", "gone")).ExitCode);

        var run = await RunAsync(database, "news", "fetch", "--timeout", "10");

        Assert.Equal(ExitCodes.SourceFailed, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["[1/3]", "[2/3]", "[3/3]"], lines.Where(l => l.StartsWith('[')).Select(l => l[..5]).Order(StringComparer.Ordinal));
        Assert.Contains(lines, l => l.Contains("gone: HttpError", StringComparison.Ordinal));
        Assert.Contains("3 fetched, 1 failed", run.Error, StringComparison.Ordinal);

        // One source by id: only it is fetched.
        var id = Rows(await RunAsync(database, "news", "sources", "list")).Single(r => r[4] == "mistral")[0];
        var one = await RunAsync(database, "news", "fetch", "--source", id);
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("[1/1] mistral: Ok", one.Error, StringComparison.Ordinal);
        Assert.Contains("0 new", one.Error, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(CliRun run)
    {
        Assert.Equal(0, run.ExitCode);
        return [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split('\t'))];
    }

    private static async Task<CliRun> RunAsync(string database, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync([.. args, "--database", database], new CliContext(output, error, TimeProvider.System), Cancel);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A loopback HTTP server: <c>/feeds/NAME</c> answers with the fixture file, anything else with 404.</summary>
    private sealed class FileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public FileServer(string folder)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    var path = context.Request.Url!.AbsolutePath;
                    var file = Path.Combine(folder, Path.GetFileName(path));
                    if (path.StartsWith("/feeds/", StringComparison.Ordinal) && File.Exists(file))
                    {
                        var bytes = await File.ReadAllBytesAsync(file);
                        context.Response.ContentType = "application/xml";
                        await context.Response.OutputStream.WriteAsync(bytes);
                    }
                    else
                    {
                        context.Response.StatusCode = 404;
                    }

                    context.Response.Close();
                }
            });
        }

        public string Address { get; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.News.Sources;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.News;

namespace Modelwatch.Web.Tests.Features.News;

public sealed partial class NewsSourcesPageTests
{
    /// <summary>Tests fetch by hand; the schedule would race them.</summary>
    public static readonly Dictionary<string, string?> Unscheduled = new() { ["Modelwatch:News:Fetch:Scheduled"] = "false" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task First_start_offers_the_defaults_then_sources_are_added_by_type_and_opml_round_trips_with_folders(DatabaseProvider provider)
    {
        var opmlFile = SharedData.File("data/feeds/nnw__opml2_no_title_attrs.opml");
        await using var app = await WebApp.StartAsync(provider, Unscheduled);

        // First start: every default source offered, each with a checkbox.
        var first = await app.Client.GetStringAsync("news/sources", Cancel);
        Assert.Contains("id=\"defaults-offer\"", first, StringComparison.Ordinal);
        Assert.Equal(DefaultNewsSources.All.Count, DefaultCheckbox().Matches(first).Count);
        var token = Token(first);

        var arxiv = DefaultNewsSources.All.Select((d, i) => (d, i)).First(p => p.d.Kind == NewsSourceKind.Arxiv);
        using (var chosen = await PostFormAsync(app, "Defaults", token, ("chosen", "0"), ("chosen", arxiv.i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        var sources = await SourcesAsync(app);
        Assert.Equal(new[] { DefaultNewsSources.All[0].Name, arxiv.d.Name }.Order(StringComparer.Ordinal), sources.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Contains(sources, s => s.Url == NewsSourceAddress.Build(NewsSourceKind.Arxiv, arxiv.d.UrlOrParameter, null).AbsoluteUri && s.Folder == arxiv.d.Folder);
        Assert.DoesNotContain("id=\"defaults-offer\"", await app.Client.GetStringAsync("news/sources", Cancel), StringComparison.Ordinal);

        // Add by type: the address is built from the parameter; a bad address is refused, naming it, and nothing is stored.
        using (var reddit = await PostFormAsync(app, "Add", token, ("kind", "Reddit"), ("value", "LocalLLaMA"), ("folder", "Community/Reddit")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reddit.StatusCode);
        }

        Assert.Contains(await SourcesAsync(app), s => s.Url == NewsSourceAddress.Build(NewsSourceKind.Reddit, "LocalLLaMA", null).AbsoluteUri && s.Folder == "Community/Reddit" && s.Kind == NewsSourceKind.Reddit);
        using (var bad = await PostFormAsync(app, "Add", token, ("kind", "Feed"), ("value", "feeds.example/no-scheme")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("feeds.example/no-scheme", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal(3, (await SourcesAsync(app)).Count);

        // OPML import keeps every feed's folder; the export reads back as the same sources.
        var opml = Opml.Read(await File.ReadAllBytesAsync(opmlFile, Cancel), Path.GetFileName(opmlFile));
        Assert.Contains(opml.Feeds, f => f.Folder is not null);
        using (var imported = await UploadOpmlAsync(app, token, await File.ReadAllBytesAsync(opmlFile, Cancel), Path.GetFileName(opmlFile)))
        {
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }

        var afterImport = await SourcesAsync(app);
        Assert.Equal(3 + opml.Feeds.Select(f => f.XmlUrl.AbsoluteUri).Distinct().Count(), afterImport.Count);
        Assert.All(opml.Feeds, f => Assert.Contains(afterImport, s => s.Url == f.XmlUrl.AbsoluteUri && s.Folder == f.Folder));

        var exported = Opml.Read(await app.Client.GetByteArrayAsync("api/news/sources/opml", Cancel), "export.opml");
        Assert.Equal(
            afterImport.Select(s => (s.Url, s.Folder)).Order().ToList(),
            exported.Feeds.Select(f => (f.XmlUrl.AbsoluteUri, f.Folder)).Order().ToList());

        // A file that is not OPML: refused with its name and where, nothing stored.
        var notOpml = SharedData.File("data/feeds/fp__unterminated_root.xml");
        using (var refused = await UploadOpmlAsync(app, token, await File.ReadAllBytesAsync(notOpml, Cancel), "broken.opml"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Cancel));
            Assert.Contains("broken.opml", page, StringComparison.Ordinal);
            Assert.Matches("line \\d+", page);
        }

        Assert.Equal(afterImport.Count, (await SourcesAsync(app)).Count);
    }

    [Theory, BothDatabases]
    public async Task Rules_are_added_and_removed_and_a_bad_regex_is_refused_naming_the_pattern(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Unscheduled);
        var token = Token(await app.Client.GetStringAsync("news/sources", Cancel));

        using (var mute = await PostFormAsync(app, "AddRule", token, ("pattern", "sponsored"), ("action", "Mute")))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }

        using (var boost = await PostFormAsync(app, "AddRule", token, ("pattern", "\\bopen[- ]weights?\\b"), ("isRegex", "true"), ("action", "Boost"), ("weight", "2.5")))
        {
            Assert.Equal(HttpStatusCode.Redirect, boost.StatusCode);
        }

        using (var bad = await PostFormAsync(app, "AddRule", token, ("pattern", "gpt-(4|5"), ("isRegex", "true"), ("action", "Mute")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("gpt-(4|5", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        var rules = await app.Client.GetFromJsonAsync<List<RuleRow>>("api/news/rules", Cancel);
        Assert.Equal([("sponsored", false, "Mute"), ("\\bopen[- ]weights?\\b", true, "Boost")], rules!.Select(r => (r.Pattern, r.IsRegex, r.Action)).ToList());
        Assert.Equal(2.5, rules![1].Weight);
        var page = await app.Client.GetStringAsync("news/sources", Cancel);
        Assert.Contains($"data-rule=\"{rules[0].Id}\"", page, StringComparison.Ordinal);

        using (var removed = await PostFormAsync(app, "RemoveRule", token, ("id", rules[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var left = await app.Client.GetFromJsonAsync<List<RuleRow>>("api/news/rules", Cancel);
        Assert.Equal([rules[1].Id], left!.Select(r => r.Id).ToList());
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.NewsRules.CountAsync(Cancel));
    }

    internal static string Token(string page) => TokenField().Match(page).Groups[1].Value;

    internal static async Task<List<SourceRow>> SourcesAsync(WebApp app) =>
        (await app.Client.GetFromJsonAsync<List<SourceRow>>("api/news/sources", Cancel))!;

    internal static Task<HttpResponseMessage> PostFormAsync(WebApp app, string handler, string token, params (string Key, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);
        return app.Client.PostAsync($"news/sources/manage?handler={handler}", content, Cancel);
    }

    private static Task<HttpResponseMessage> UploadOpmlAsync(WebApp app, string token, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", name },
        };
        return app.Client.PostAsync("news/sources/manage?handler=Import", form, Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"chosen\" value=\"\\d+\" checked")]
    private static partial Regex DefaultCheckbox();
}

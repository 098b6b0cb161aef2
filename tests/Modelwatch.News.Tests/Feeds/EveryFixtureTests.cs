using Modelwatch.Core.News;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>
/// Every file in ../shared/data/feeds either reads or throws <see cref="FeedReadException"/> naming the file — never any
/// other exception. The expected outcome of each is listed here, so a fixture added later must be looked at.
/// </summary>
public sealed class EveryFixtureTests
{
    private static readonly Dictionary<string, bool> ReadsWithoutError = new(StringComparer.Ordinal)
    {
        ["ai__olshansk_anthropic_news.xml"] = true,
        ["ai__olshansk_mistral.xml"] = true,
        ["ai__olshansk_ollama.xml"] = true,
        ["ai__olshansk_openai_research.xml"] = true,
        ["arxiv__gbrammer_jwst_api_feed.xml"] = true,
        ["fp__cp1252_smart_quote.xml"] = true,
        ["fp__shiftjis_no_encoding_info.xml"] = true,
        ["fp__truncated_cdata.xml"] = true,
        ["fp__undeclared_namespace_prefix.xml"] = true,
        ["fp__unterminated_root.xml"] = false,
        ["mf__bbc_urdu_rtl.xml"] = true,
        ["mf__golem_iso-8859-1.xml"] = true,
        ["mf__heise_rss090_rdf.xml"] = true,
        ["mf__ibash_windows-1251.xml"] = true,
        ["mf__no_prolog_latin1_bytes.xml"] = true,
        ["mf__prolog_says_1252_bytes_utf8.xml"] = true,
        ["mf__unknown_encoding_name.xml"] = true,
        ["nnw__allthis_partial.jsonfeed.json"] = true,
        ["nnw__biorxiv_plant_biology.rdf"] = true,
        ["nnw__broken_xml_declaration.rss"] = true,
        ["nnw__daringfireball.jsonfeed.json"] = true,
        ["nnw__gb2312_nonrfc822_dates.rss"] = true,
        ["nnw__qemu_relative_links.atom"] = true,
        ["nnw__utf8_bom_crlf.xml"] = true,
    };

    [Fact]
    public void Every_fixture_reads_or_fails_with_a_message_naming_it()
    {
        FeedFixture.PathOf("README.md");
        var files = FeedFixture.All().ToList();
        Assert.Equal(ReadsWithoutError.Keys.Order(StringComparer.Ordinal), files);

        foreach (var file in files)
        {
            FeedDocument? doc = null;
            FeedReadException? error = null;
            try
            {
                doc = FeedFixture.Read(file, new Uri("https://feeds.example.org/" + file));
            }
            catch (FeedReadException ex)
            {
                error = ex;
            }

            if (ReadsWithoutError[file])
            {
                Assert.True(doc is not null, $"{file}: {error?.Message}");
                Assert.All(doc!.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title), $"{file}: an entry without a title"));
                Assert.All(doc.Entries, e => Assert.True(e.Link is null || e.Link.IsAbsoluteUri, $"{file}: a relative link"));
                Assert.All(doc.Entries, e => Assert.DoesNotContain("<script", e.ContentHtml ?? string.Empty, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                Assert.True(error is not null, $"{file}: expected a FeedReadException");
                Assert.StartsWith(file + ":", error!.Message, StringComparison.Ordinal);
            }
        }
    }
}

using Modelwatch.Core.News;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>RSS 1.0 and 0.90 (RDF), Atom with relative links, JSON Feed and a mangled declaration, read as the files have them.</summary>
public sealed class FormatFixtureTests
{
    [Fact]
    public void Biorxiv_rdf_reads_items_beside_the_channel_with_dublin_core()
    {
        var doc = FeedFixture.Read("nnw__biorxiv_plant_biology.rdf");

        Assert.Equal(FeedFormat.Rss10, doc.Format);
        Assert.Equal("bioRxiv Subject Collection: Plant Biology", doc.Title);
        Assert.Equal(30, doc.Entries.Count);
        var first = doc.Entries[0];

        // Title and link are wrapped over several lines with CDATA and padding; both come out trimmed.
        Assert.Equal("Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition", first.Title);
        Assert.Equal(new Uri("http://biorxiv.org/cgi/content/short/743294v1?rss=1"), first.Link);
        Assert.Equal("http://biorxiv.org/cgi/content/short/743294v1?rss=1", first.Id);
        Assert.StartsWith("Kaur, M., Shukla, A.,", first.Author, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2019, 8, 27, 0, 0, 0, TimeSpan.Zero), first.Published);
    }

    [Fact]
    public void Heise_rss_090_rdf_is_recognised_by_its_namespace()
    {
        var doc = FeedFixture.Read("mf__heise_rss090_rdf.xml");

        Assert.Equal(FeedFormat.Rss090, doc.Format);
        Assert.Equal("heise online News", doc.Title);
        Assert.Equal(60, doc.Entries.Count);
        Assert.Equal("Mega-Deal: IBM übernimmt Red Hat", doc.Entries[1].Title);
        Assert.Equal("www.heise.de", doc.Entries[1].Link?.Host);
    }

    [Fact]
    public void Qemu_atom_relative_links_resolve_against_the_feed_address()
    {
        var doc = FeedFixture.Read("nnw__qemu_relative_links.atom", new Uri("https://www.qemu.org/feed.xml"));

        Assert.Equal(FeedFormat.Atom10, doc.Format);
        Assert.Equal("QEMU", doc.Title);
        Assert.Equal(new Uri("https://www.qemu.org/"), doc.SiteLink);
        Assert.Equal(10, doc.Entries.Count);
        var first = doc.Entries[0];
        Assert.Equal("QEMU version 10.1.0 released", first.Title);
        Assert.Equal(new Uri("https://www.qemu.org/2025/08/26/qemu-10-1-0/"), first.Link);
        Assert.Equal(new DateTimeOffset(2025, 8, 26, 23, 25, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["releases", "qemu 10.1"], first.Categories);
        Assert.All(doc.Entries, e => Assert.Equal("www.qemu.org", e.Link?.Host));
        Assert.Contains("href=\"https://www.qemu.org/download/#source\"", first.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Qemu_atom_without_an_address_keeps_entries_but_no_relative_links()
    {
        var doc = FeedFixture.Read("nnw__qemu_relative_links.atom");

        Assert.Equal(10, doc.Entries.Count);
        Assert.All(doc.Entries, e => Assert.Null(e.Link));
    }

    [Fact]
    public void Daring_fireball_json_feed_version_1()
    {
        var doc = FeedFixture.Read("nnw__daringfireball.jsonfeed.json");

        Assert.Equal(FeedFormat.JsonFeed10, doc.Format);
        Assert.Equal("Daring Fireball", doc.Title);
        Assert.Equal(new Uri("https://daringfireball.net/"), doc.SiteLink);
        Assert.Equal(48, doc.Entries.Count);
        var first = doc.Entries[0];
        Assert.Equal("The Talk Show: ‘I Do Like Throwing a Baby’", first.Title);
        Assert.Equal(new Uri("https://daringfireball.net/linked/2017/06/26/the-talk-show-195"), first.Link);
        Assert.Equal(new DateTimeOffset(2017, 6, 27, 0, 54, 17, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2017, 6, 27, 0, 54, 20, TimeSpan.Zero), first.Updated);
        Assert.Equal("John Gruber", first.Author);
        Assert.Equal("★ Update on The Talk Show Live From WWDC 2017", doc.Entries[^1].Title);
        Assert.Equal(new DateTimeOffset(2017, 6, 2, 5, 41, 6, TimeSpan.Zero), doc.Entries[^1].Published);
    }

    [Fact]
    public void A_declaration_mangled_into_a_processing_instruction_is_harmless()
    {
        var doc = FeedFixture.Read("nnw__broken_xml_declaration.rss");

        Assert.Equal(FeedFormat.Rss20, doc.Format);
        Assert.Equal(20, doc.Entries.Count);
        Assert.Equal("Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht", doc.Entries[0].Title);
        Assert.Equal(new DateTimeOffset(2021, 9, 6, 12, 17, 0, TimeSpan.FromHours(2)), doc.Entries[0].Published);
        Assert.False(doc.Recovered);
    }
}

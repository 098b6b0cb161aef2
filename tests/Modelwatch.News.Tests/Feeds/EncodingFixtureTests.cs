using Modelwatch.Core.News;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>
/// The encoding fixtures (miniflux, NetNewsWire, feedparser): each decoded with the encoding its bytes are in, so a
/// letter the file holds in that encoding comes out as that letter.
/// </summary>
public sealed class EncodingFixtureTests
{
    [Fact]
    public void Golem_declared_iso_8859_1_is_read_as_windows_1252_and_keeps_umlauts()
    {
        var doc = FeedFixture.Read("mf__golem_iso-8859-1.xml");

        // WHATWG: the label ISO-8859-1 means windows-1252, its superset (0x80-0x9F are quotes and dashes, not controls).
        Assert.Equal("windows-1252", doc.Encoding);
        Assert.Equal(40, doc.Entries.Count);
        Assert.Equal("Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games", doc.Entries[0].Title);
        Assert.Contains("wünschen", doc.Entries[0].Summary, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2018, 10, 28, 13, 48, 0, TimeSpan.FromHours(1)), doc.Entries[0].Published);
        Assert.DoesNotContain(doc.Entries, e => e.Title.Contains('\uFFFD') || (e.Summary?.Contains('\uFFFD') ?? false));
    }

    [Fact]
    public void Ibash_windows_1251_is_cyrillic()
    {
        var doc = FeedFixture.Read("mf__ibash_windows-1251.xml");

        Assert.Equal("windows-1251", doc.Encoding);
        Assert.Equal("iBash.Org.Ru", doc.Title);
        Assert.Equal(50, doc.Entries.Count);
        Assert.Equal("Цитата #17703", doc.Entries[0].Title);
        Assert.Equal(new Uri("http://ibash.org.ru/quote.php?id=17703"), doc.Entries[0].Link);
        Assert.Equal(new DateTimeOffset(2018, 3, 21, 10, 27, 32, TimeSpan.FromHours(3)), doc.Entries[0].Published);
    }

    [Fact]
    public void Latin1_bytes_without_a_prolog_are_sniffed_not_replaced()
    {
        var doc = FeedFixture.Read("mf__no_prolog_latin1_bytes.xml");

        Assert.Equal("iso-8859-1", doc.Encoding);
        Assert.Contains(doc.Problems, p => p.Message.Contains("not valid UTF-8", StringComparison.Ordinal));

        // Ten <item>s, one of them entirely empty (title, link and description all blank): skipped with a problem.
        Assert.Equal(9, doc.Entries.Count);
        Assert.Contains(doc.Problems, p => p.Where.StartsWith("line 29,", StringComparison.Ordinal) && p.Message.Contains("skipped", StringComparison.Ordinal));
        Assert.Equal("Perturbateurs endocriniens : quels effets sur le cerveau ?", doc.Entries[0].Title);
        Assert.Contains(doc.Entries, e => e.Title == "La criminalité liée surtout à... l'ennui ?");
    }

    [Fact]
    public void Gb2312_feed_reads_chinese_and_slash_separated_dates()
    {
        var doc = FeedFixture.Read("nnw__gb2312_nonrfc822_dates.rss", new Uri("http://www.kc0011.net/rss.asp"));

        Assert.Equal("gb2312", doc.Encoding);
        Assert.Equal("投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文", doc.Title);
        Assert.Equal(20, doc.Entries.Count);
        var first = doc.Entries[0];
        Assert.Equal("建国35周年纪念，华表，和平鸽", first.Title);
        Assert.Equal("大鱼儿", first.Author);

        // "2020/1/10 14:33:00" carries no zone: read as UTC.
        Assert.Equal(new DateTimeOffset(2020, 1, 10, 14, 33, 0, TimeSpan.Zero), first.Published);
        Assert.All(doc.Entries, e => Assert.NotNull(e.Published));
        Assert.Equal(new Uri("http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1"), first.Link);

        // Inside CDATA, "&nbsp;" and bare "&" are HTML's business, not XML's: nothing to repair, nothing reported.
        Assert.False(doc.Recovered);
        Assert.Empty(doc.Problems);

        // The relative image src="skins/default/filetype/jpg.gif" resolves against the feed's address; onload= is removed.
        Assert.Contains("src=\"http://www.kc0011.net/skins/default/filetype/jpg.gif\"", first.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onload", first.ContentHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Utf8_bom_with_cr_line_ends_reads_like_any_utf8_feed()
    {
        var doc = FeedFixture.Read("nnw__utf8_bom_crlf.xml");

        Assert.Equal("utf-8", doc.Encoding);
        Assert.Equal("Don't Hit Save", doc.Title);
        Assert.Equal(10, doc.Entries.Count);
        Assert.Equal("Skipping Around", doc.Entries[0].Title);
        Assert.Equal(new DateTimeOffset(2019, 5, 24, 0, 0, 0, TimeSpan.FromHours(-7)), doc.Entries[0].Published);
        Assert.Empty(doc.Problems);
    }

    [Fact]
    public void Urdu_right_to_left_text_in_cdata_is_kept()
    {
        var doc = FeedFixture.Read("mf__bbc_urdu_rtl.xml");

        Assert.Equal("BBC News اردو - پاکستان کے لیے امریکی امداد کی بہار و خزاں", doc.Title);
        Assert.Equal("ur", doc.Language);
        Assert.Equal(26, doc.Entries.Count);
        Assert.Equal("امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی", doc.Entries[0].Title);
        Assert.Equal(new DateTimeOffset(2018, 1, 5, 16, 51, 0, TimeSpan.Zero), doc.Entries[0].Published);
    }

    [Fact]
    public void A_prolog_saying_windows_1252_over_utf8_bytes_is_not_believed()
    {
        var doc = FeedFixture.Read("mf__prolog_says_1252_bytes_utf8.xml");

        Assert.Equal("utf-8", doc.Encoding);
        Assert.Equal("Euro €", doc.Title);
        Assert.Contains(doc.Problems, p => p.Message.Contains("declares windows-1252", StringComparison.Ordinal));
        Assert.Empty(doc.Entries);
    }

    [Fact]
    public void An_unknown_encoding_label_falls_back_with_a_problem()
    {
        var doc = FeedFixture.Read("mf__unknown_encoding_name.xml");

        Assert.Equal("utf-8", doc.Encoding);
        Assert.Equal("테스트 피드", doc.Title);
        Assert.Equal("Café", Assert.Single(doc.Entries).Title);
        Assert.Contains(doc.Problems, p => p.Message.Contains("\"invalid\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Shift_jis_without_any_declaration_is_sniffed()
    {
        var doc = FeedFixture.Read("fp__shiftjis_no_encoding_info.xml");

        Assert.Equal("shift_jis", doc.Encoding);
        Assert.Equal(FeedFormat.Atom10, doc.Format);
        Assert.StartsWith("DrecomRSSに記事投稿が反映されない", Assert.Single(doc.Entries).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_c1_control_in_utf8_text_is_demoronized_to_the_apostrophe_meant()
    {
        var doc = FeedFixture.Read("fp__cp1252_smart_quote.xml");

        // The file's own expectation (its header comment): entries[0]['description'] == 'don\u2019t'.
        Assert.Equal("don\u2019t", Assert.Single(doc.Entries).Summary);
        Assert.Contains(doc.Problems, p => p.Message.Contains("C1 control", StringComparison.Ordinal));
    }
}

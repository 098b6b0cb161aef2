using Modelwatch.News.Feeds.Cleaning;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>The date forms feeds use; each expected instant worked out by hand from the zone written.</summary>
public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Fri, 22 May 2026 00:00:00 +0000", "2026-05-22T00:00:00+00:00")]
    [InlineData("Sat, 22 Aug 2026 05:26:52 GMT", "2026-08-22T05:26:52+00:00")]
    [InlineData("Mon, 15 Jan 2024 00:00:00 -0500", "2024-01-15T05:00:00+00:00")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T08:00:00+00:00")]
    [InlineData("10 Jun 2003 04:00 PST", "2003-06-10T12:00:00+00:00")]
    [InlineData("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21+00:00")]
    [InlineData("Wed, 02 Oct 2002 13:00:00 +01:00", "2002-10-02T12:00:00+00:00")]
    [InlineData("Sunday, 28 October 2018 13:48:00 +0100", "2018-10-28T12:48:00+00:00")]
    [InlineData("2020/1/10 14:33:00", "2020-01-10T14:33:00+00:00")]
    [InlineData("2025-08-26T23:25:00+00:00", "2025-08-26T23:25:00+00:00")]
    [InlineData("2017-11-23T21:08:29.123Z", "2017-11-23T21:08:29.123+00:00")]
    [InlineData("2019-08-27", "2019-08-27T00:00:00+00:00")]
    public void Reads_the_instant_written(string written, string expected)
    {
        var parsed = FeedDates.Parse(written);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Fri, 31 Feb 2026 00:00:00 +0000")]
    [InlineData("Fri, 22 Foo 2026 00:00:00 +0000")]
    public void Leaves_what_is_not_a_date_empty(string written)
    {
        Assert.Null(FeedDates.Parse(written));
    }
}

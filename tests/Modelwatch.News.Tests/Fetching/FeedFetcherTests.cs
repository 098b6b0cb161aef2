using Microsoft.Extensions.Time.Testing;
using Modelwatch.News.Feeds;
using Modelwatch.News.Fetching;
using Modelwatch.News.Tests.Feeds;

namespace Modelwatch.News.Tests.Fetching;

/// <summary>FeedFetcher against the fixtures served over loopback Kestrel: conditional GET, deadlines, errors, size caps, drops.</summary>
public sealed class FeedFetcherTests : IAsyncLifetime
{
    private static readonly FetchLimits Generous = new(TimeSpan.FromSeconds(60), 2L * 1024 * 1024);

    private readonly HttpClient _http = new();
    private FixtureServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FixtureServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_fixture_fetched_over_http_reads_as_it_does_from_disk()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        foreach (var name in FeedFixture.All())
        {
            var result = await fetcher.FetchAsync(_server.At("/etag/" + name), null, Generous, TestContext.Current.CancellationToken);

            Assert.Equal(FetchStatus.Ok, result.Status);
            Assert.Equal(FeedFixture.Bytes(name), result.Body);
            Assert.Equal(result.Body!.Length, result.Bytes);
            Assert.Equal(FixtureServer.ETagOf(result.Body), result.ETag);
            FeedDocumentOrError(FeedFixture.Bytes(name), null, name, out var fromDisk, out var diskError);
            FeedDocumentOrError(result.Body, result.ContentType, name, out var fromHttp, out var httpError);
            Assert.Equal(diskError, httpError);
            Assert.Equal(fromDisk?.Entries.Select(e => e.Title), fromHttp?.Entries.Select(e => e.Title));
            Assert.Equal(fromDisk?.Encoding, fromHttp?.Encoding);
        }

        Assert.All(_server.Requests, r => Assert.StartsWith("Modelwatch/", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_etag_sent_back_gets_304_and_keeps_the_validator()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        var url = _server.At("/etag/ai__olshansk_mistral.xml");
        var first = await fetcher.FetchAsync(url, null, Generous, TestContext.Current.CancellationToken);

        var second = await fetcher.FetchAsync(url, new FetchValidators(first.ETag, null), Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Equal(304, second.HttpStatus);
        Assert.Null(second.Body);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(first.ETag, _server.Requests.Last().IfNoneMatch);
    }

    [Fact]
    public async Task A_last_modified_sent_back_gets_304()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        var url = _server.At("/last-modified/nnw__qemu_relative_links.atom");
        var first = await fetcher.FetchAsync(url, null, Generous, TestContext.Current.CancellationToken);

        var second = await fetcher.FetchAsync(url, new FetchValidators(null, first.LastModified), Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FixtureServer.LastModified, first.LastModified);
        Assert.Null(first.ETag);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Equal(FixtureServer.LastModified, second.LastModified);
        Assert.Equal(FixtureServer.LastModified, _server.Requests.Last().IfModifiedSince);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_body()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        var result = await fetcher.FetchAsync(_server.At("/etag/ai__olshansk_ollama.xml"), new FetchValidators("\"stale\"", null), Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(FeedFixture.Bytes("ai__olshansk_ollama.xml").Length, result.Bytes);
    }

    [Fact]
    public async Task A_response_that_never_comes_times_out_at_the_deadline()
    {
        var clock = new FakeTimeProvider();
        var fetcher = new FeedFetcher(_http, clock);
        var limits = new FetchLimits(TimeSpan.FromSeconds(20), 1024);

        var fetch = fetcher.FetchAsync(_server.At("/stall"), null, limits, TestContext.Current.CancellationToken);
        await _server.StallReached.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(fetch.IsCompleted, "the deadline has not passed yet");
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await fetch.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Timeout, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Elapsed);
        Assert.Contains("20 s", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(429)]
    public async Task An_error_status_is_a_result_not_an_exception(int status)
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        var result = await fetcher.FetchAsync(_server.At($"/status/{status}"), null, Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.HttpError, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.Null(result.Body);
        Assert.StartsWith($"HTTP {status}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_body_is_cut_at_the_cap_while_streaming()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        var limits = new FetchLimits(TimeSpan.FromSeconds(60), 256 * 1024);

        var result = await fetcher.FetchAsync(_server.At("/endless"), null, limits, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Null(result.Body);

        // Reading stops within one read (at most 80 KiB) past the cap, far short of the 64 MiB the server would send.
        Assert.InRange(result.Bytes, limits.MaxBytes + 1, limits.MaxBytes + 81920);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        var result = await fetcher.FetchAsync(_server.At("/declared-large"), null, new FetchLimits(TimeSpan.FromSeconds(60), 1_000_000), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Equal(0, result.Bytes);
        Assert.Contains("50000000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixture_over_the_cap_is_too_large()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        var size = FeedFixture.Bytes("arxiv__gbrammer_jwst_api_feed.xml").Length;

        var result = await fetcher.FetchAsync(_server.At("/etag/arxiv__gbrammer_jwst_api_feed.xml"), null, new FetchLimits(TimeSpan.FromSeconds(60), size - 1), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_is_a_network_error()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        var result = await fetcher.FetchAsync(_server.At("/drop/ai__olshansk_anthropic_news.xml"), null, Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Null(result.Body);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Nobody_listening_is_a_network_error()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        var closed = _server.Root;
        await _server.DisposeAsync();
        _server = await FixtureServer.StartAsync();

        var result = await fetcher.FetchAsync(new Uri(closed, "/etag/ai__olshansk_mistral.xml"), null, Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Null(result.HttpStatus);
    }

    [Fact]
    public async Task An_address_http_cannot_fetch_is_a_network_error()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        var result = await fetcher.FetchAsync(new Uri("ftp://127.0.0.1/feed.xml"), null, Generous, TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.StartsWith("ftp: addresses cannot be fetched", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        var fetch = fetcher.FetchAsync(_server.At("/stall"), null, Generous, cancelled.Token);
        await _server.StallReached.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public async Task The_http_charset_reaches_the_reader()
    {
        var fetcher = new FeedFetcher(_http, TimeProvider.System);

        // The Golem feed's bytes are ISO-8859-1; a server claiming windows-1251 makes Cyrillic of its umlauts.
        var result = await fetcher.FetchAsync(_server.At("/etag/mf__golem_iso-8859-1.xml?type=text/xml;%20charset=windows-1251"), null, Generous, TestContext.Current.CancellationToken);
        var doc = FeedReader.Read(result.Body!, null, result.ContentType);

        Assert.Equal("text/xml; charset=windows-1251", result.ContentType);
        Assert.Equal("windows-1251", doc.Encoding);
    }

    private static void FeedDocumentOrError(byte[] bytes, string? contentType, string name, out Modelwatch.Core.News.FeedDocument? doc, out string? error)
    {
        try
        {
            doc = FeedReader.Read(bytes, null, contentType, name);
            error = null;
        }
        catch (FeedReadException ex)
        {
            doc = null;
            error = ex.Message;
        }
    }
}

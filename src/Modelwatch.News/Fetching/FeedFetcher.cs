using System.Net;
using System.Net.Http.Headers;

namespace Modelwatch.News.Fetching;

/// <summary>
/// Fetches a feed politely and robustly: a User-Agent naming Modelwatch, conditional GET with the validators of the
/// last fetch, one deadline for headers and body together, and a size cap enforced while streaming (a huge or
/// endless body is never buffered). Network and HTTP trouble comes back as a <see cref="FetchResult"/>, never as an
/// exception; only the caller's own cancellation throws.
/// </summary>
public sealed class FeedFetcher(HttpClient http, TimeProvider time)
{
    /// <summary>Sent with every request, so a site's operator can see who is reading and how to reach the project.</summary>
    public const string UserAgent = "Modelwatch/1.0 (self-hosted LLM news reader)";

    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private const int ChunkSize = 81920;

    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? validators, FetchLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(limits);
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(limits.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var request = BuildRequest(url, validators);
        long read = 0;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var etag = response.Headers.ETag?.ToString() ?? Header(response.Headers, "ETag");
            var lastModified = Header(response.Content.Headers, "Last-Modified") ?? Header(response.Headers, "Last-Modified");
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResult(FetchStatus.NotModified, status, null, null, etag ?? validators?.ETag, lastModified ?? validators?.LastModified, 0, Elapsed(started), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(FetchStatus.HttpError, status, 0, started, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
            }

            var contentType = response.Content.Headers.ContentType?.ToString();
            if (response.Content.Headers.ContentLength is { } declared && declared > limits.MaxBytes)
            {
                return Failed(FetchStatus.TooLarge, status, 0, started, $"the response declares {declared} bytes, more than the {limits.MaxBytes}-byte limit; not read.");
            }

            using var body = new MemoryStream();
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var buffer = new byte[ChunkSize];
            int count;
            while ((count = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false)) > 0)
            {
                read += count;
                if (read > limits.MaxBytes)
                {
                    return Failed(FetchStatus.TooLarge, status, read, started, $"the body passed the {limits.MaxBytes}-byte limit; reading stopped at {read} bytes.");
                }

                await body.WriteAsync(buffer.AsMemory(0, count), linked.Token).ConfigureAwait(false);
            }

            return new FetchResult(FetchStatus.Ok, status, body.ToArray(), contentType, etag, lastModified, read, Elapsed(started), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Our deadline, or HttpClient.Timeout (a TaskCanceledException around a TimeoutException).
            return Failed(FetchStatus.Timeout, null, read, started, $"no complete response within {limits.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s ({read} body bytes read).");
        }
        catch (HttpRequestException ex)
        {
            return Failed(FetchStatus.NetworkError, ex.StatusCode is { } code ? (int)code : null, read, started, Describe(ex));
        }
        catch (NotSupportedException ex)
        {
            // e.g. an ftp: or file: address stored from an import: nothing HTTP can fetch.
            return Failed(FetchStatus.NetworkError, null, read, started, $"{url.Scheme}: addresses cannot be fetched over HTTP: {ex.Message}");
        }
        catch (IOException ex)
        {
            // The connection dropped while the body was being read.
            return Failed(FetchStatus.NetworkError, null, read, started, $"the connection broke after {read} body bytes: {Describe(ex)}");
        }
    }

    private static HttpRequestMessage BuildRequest(Uri url, FetchValidators? validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        if (!string.IsNullOrEmpty(validators?.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", validators.ETag);
        }

        if (!string.IsNullOrEmpty(validators?.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", validators.LastModified);
        }

        return request;
    }

    private FetchResult Failed(FetchStatus status, int? httpStatus, long read, long started, string error) =>
        new(status, httpStatus, null, null, null, null, read, Elapsed(started), error);

    private TimeSpan Elapsed(long started) => time.GetElapsedTime(started);

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The exception's message with its inner causes (the socket error says what really happened).</summary>
    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message, StringComparer.Ordinal))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(" — ", messages);
    }
}

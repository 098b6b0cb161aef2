using Modelwatch.Import.Catalog;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// Downloads a catalog source's URL to a file for its importer, through <see cref="IHttpClientFactory"/> (client
/// <see cref="ClientName"/>, with a timeout) and with a size cap, so a slow or endless answer cannot hold the one
/// import slot or fill the disk. Every failure is a <see cref="CatalogSourceException"/> naming the URL, which the
/// job records as the source's failure.
/// </summary>
public static class CatalogDownloader
{
    /// <summary>The named HTTP client catalog downloads use.</summary>
    public const string ClientName = "catalog-sources";

    /// <summary>The largest download accepted (bytes); the biggest public source (models.dev's tarball) is far below.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>How long a download may take in all.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Downloads <paramref name="uri"/> into <paramref name="directory"/> under the URL's file name; returns the file's path.</summary>
    public static async Task<string> DownloadAsync(ImportJobContext context, Uri uri, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(uri);
        var location = uri.GetLeftPart(UriPartial.Path);
        var path = Path.Combine(directory, ImportStarter.SafeFileName(Path.GetFileName(uri.AbsolutePath), "download"));
        var http = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, context.Cancel).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogSourceException($"{location}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}; expected 200 with the source's file.");
            }

            var total = response.Content.Headers.ContentLength;
            if (total > MaxBytes)
            {
                throw new CatalogSourceException($"{location}: the file is {total} bytes; at most {MaxBytes} bytes are downloaded.");
            }

            var body = await response.Content.ReadAsStreamAsync(context.Cancel).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = File.Create(path);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[81920];
                    long done = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer, context.Cancel).ConfigureAwait(false)) > 0)
                    {
                        done += read;
                        if (done > MaxBytes)
                        {
                            throw new CatalogSourceException($"{location}: the download passed {MaxBytes} bytes and was stopped; expected a smaller file.");
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), context.Cancel).ConfigureAwait(false);
                        context.Job.Report("downloading", done, total);
                    }
                }
            }

            return path;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !context.Cancel.IsCancellationRequested)
        {
            throw new CatalogSourceException($"{location}: could not be downloaded ({e.Message}).", e);
        }
    }
}

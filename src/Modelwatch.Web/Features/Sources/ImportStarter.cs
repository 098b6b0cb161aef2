using Modelwatch.Core.Catalog;
using Modelwatch.Data.Votes;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// Checks an import request (known source, a file that is not empty, an http(s) URL), saves an upload to a temporary
/// folder under its own file name (the readers tell formats and dates by the name), and queues the job. What can be
/// checked before the job runs is refused here with <see cref="ImportRequestException"/>, so the page or API answers
/// at once; the file's content is checked by the job.
/// </summary>
public sealed class ImportStarter(ImportJobQueue queue)
{
    /// <summary>The largest upload accepted (bytes): a full arena dump is a few gigabytes.</summary>
    public const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Queues an import of an uploaded votes file.</summary>
    /// <exception cref="ImportRequestException">No file, an empty file, or a dataset name that cannot be used.</exception>
    public async Task<ImportJob> QueueVotesAsync(Stream? content, string? fileName, string? datasetName, bool replace, CancellationToken ct)
    {
        if (datasetName is not null && (string.IsNullOrWhiteSpace(datasetName) || datasetName.Length > VoteDataset.MaxNameLength))
        {
            throw new ImportRequestException($"dataset name: expected 1 to {VoteDataset.MaxNameLength} characters (or none, to name the dataset after the file).");
        }

        var (directory, path) = await SaveAsync(content, fileName, "votes file", ct).ConfigureAwait(false);
        var name = Path.GetFileName(path);
        return queue.Enqueue(ImportJobKind.Votes, name, null, c => ImportWork.VotesAsync(c, path, datasetName, replace), directory);
    }

    /// <summary>Queues an import of an uploaded catalog file or tarball.</summary>
    /// <exception cref="ImportRequestException">Unknown source, no file or an empty file.</exception>
    public async Task<ImportJob> QueueCatalogFileAsync(string? source, Stream? content, string? fileName, CancellationToken ct, DateOnly? asOf = null)
    {
        var known = RequireSource(source);
        var (directory, path) = await SaveAsync(content, fileName, "catalog file", ct).ConfigureAwait(false);
        var name = Path.GetFileName(path);
        return queue.Enqueue(ImportJobKind.Catalog, name, known, c => ImportWork.CatalogAsync(c, known, name, () => Task.FromResult(path), asOf), directory);
    }

    /// <summary>Queues a download of <paramref name="url"/> and its import as <paramref name="source"/>.</summary>
    /// <exception cref="ImportRequestException">Unknown source or not an absolute http(s) URL.</exception>
    public ImportJob QueueCatalogUrl(string? source, string? url, DateOnly? asOf = null)
    {
        var known = RequireSource(source);
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImportRequestException($"url: expected an absolute http:// or https:// address, got '{url}'.");
        }

        var directory = NewDirectory();
        var location = uri.GetLeftPart(UriPartial.Path);
        return queue.Enqueue(ImportJobKind.Catalog, location, known, c => ImportWork.CatalogAsync(c, known, location, () => CatalogDownloader.DownloadAsync(c, uri, directory), asOf), directory);
    }

    /// <summary>The optional "as of" date of a form (yyyy-MM-dd): when the data was published, for files that do not say.</summary>
    /// <exception cref="ImportRequestException">Not a date.</exception>
    public static DateOnly? ParseAsOf(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date
        : throw new ImportRequestException($"asOf: expected a date as yyyy-MM-dd, got '{value}'.");

    /// <summary>The source's name as <see cref="CatalogSources"/> spells it.</summary>
    /// <exception cref="ImportRequestException">Not one of them.</exception>
    public static string RequireSource(string? source) =>
        CatalogSources.All.FirstOrDefault(s => string.Equals(s, source?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ImportRequestException($"source: unknown catalog source '{source}'; expected one of {string.Join(", ", CatalogSources.All)}.");

    /// <summary>A file name safe to create: the upload's name without folders or characters a file system refuses.</summary>
    internal static string SafeFileName(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) ? '_' : c)]).Trim();
        return name.Length == 0 || name is "." or ".." ? fallback : name;
    }

    internal static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"modelwatch-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<(string Directory, string Path)> SaveAsync(Stream? content, string? fileName, string what, CancellationToken ct)
    {
        if (content is null)
        {
            throw new ImportRequestException($"file: no {what} was uploaded; expected a file in the form field 'file'.");
        }

        var directory = NewDirectory();
        var path = Path.Combine(directory, SafeFileName(fileName, "upload"));
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, ct).ConfigureAwait(false);
                if (file.Length == 0)
                {
                    throw new ImportRequestException($"{Path.GetFileName(path)}: the file is empty; expected a {what} with content.");
                }
            }

            return (directory, path);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }
}

/// <summary>An import request that cannot be queued: the message names the field and what was expected.</summary>
public sealed class ImportRequestException : Exception
{
    public ImportRequestException(string message)
        : base(message)
    {
    }

    public ImportRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportRequestException()
    {
    }
}

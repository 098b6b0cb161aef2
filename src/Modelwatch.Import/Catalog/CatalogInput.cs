namespace Modelwatch.Import.Catalog;

/// <summary>
/// What an importer reads: a local path (file or directory). <see cref="OpenAsync"/> turns a path or an http(s) URL
/// into one, downloading URLs to a temporary file that is deleted on dispose.
/// </summary>
public sealed class CatalogInput : IDisposable
{
    private readonly string? _temporaryFile;

    private CatalogInput(string path, string location, string? temporaryFile)
    {
        Path = path;
        Location = location;
        _temporaryFile = temporaryFile;
    }

    /// <summary>The local file or directory to read.</summary>
    public string Path { get; }

    /// <summary>What the user gave, for messages and provenance; URLs lose their query string (it may hold a key).</summary>
    public string Location { get; }

    /// <summary>Whether <see cref="Path"/> is a directory.</summary>
    public bool IsDirectory => Directory.Exists(Path);

    /// <summary>A local path as it is.</summary>
    public static CatalogInput FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new CatalogSourceException($"{path}: no such file or directory.");
        }

        return new CatalogInput(full, path, null);
    }

    /// <summary>A path, or an http(s) URL downloaded with <paramref name="http"/>; failures become <see cref="CatalogSourceException"/>.</summary>
    public static async Task<CatalogInput> OpenAsync(string pathOrUrl, HttpClient http, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUrl);
        ArgumentNullException.ThrowIfNull(http);
        if (!Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return FromPath(pathOrUrl);
        }

        var location = uri.GetLeftPart(UriPartial.Path);
        var name = System.IO.Path.GetFileName(uri.AbsolutePath);
        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"modelwatch-{Guid.NewGuid():N}-{(string.IsNullOrEmpty(name) ? "download" : name)}");
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogSourceException($"{location}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var file = File.Create(temp);
            await using (file.ConfigureAwait(false))
            {
                await response.Content.CopyToAsync(file, ct).ConfigureAwait(false);
            }

            return new CatalogInput(temp, location, temp);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            File.Delete(temp);
            throw new CatalogSourceException($"{location}: could not be downloaded ({e.Message}).", e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public void Dispose()
    {
        if (_temporaryFile is not null)
        {
            File.Delete(_temporaryFile);
        }
    }
}

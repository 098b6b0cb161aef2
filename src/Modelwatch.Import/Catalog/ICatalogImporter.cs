using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// Parses one catalog source into a <see cref="CatalogBatch"/>. Parsing only: no database, no identity matching.
/// A bad record becomes a <see cref="RecordProblem"/> and the read goes on; a source that cannot be read at all
/// (missing file, unreachable URL, not the expected shape) throws <see cref="CatalogSourceException"/>.
/// </summary>
public interface ICatalogImporter
{
    /// <summary>One of <see cref="CatalogSources"/>.</summary>
    string Source { get; }

    /// <param name="input">A local file or directory (a URL has been downloaded to a file by <see cref="CatalogInput"/>).</param>
    /// <param name="ct">Cancels the read.</param>
    CatalogBatch Read(CatalogInput input, CancellationToken ct = default);
}

/// <summary>A source could not be read at all; the catalog stays as it was and the source's status shows this message.</summary>
public sealed class CatalogSourceException : Exception
{
    public CatalogSourceException(string message)
        : base(message)
    {
    }

    public CatalogSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CatalogSourceException()
    {
    }
}

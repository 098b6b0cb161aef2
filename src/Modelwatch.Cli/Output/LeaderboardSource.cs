using Modelwatch.Data.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Output;

/// <summary>Where a board's votes came from, for the JSON output: a file as read, or a dataset stored in the database.</summary>
/// <param name="Format">The file's layout (<c>Csv</c>, <c>JsonArray</c>, <c>JsonLines</c>, <c>Parquet</c>).</param>
/// <param name="Gzip">Whether the file was gzip-compressed.</param>
/// <param name="RowsRead">Data rows of the file, skipped ones included.</param>
/// <param name="RowsSkipped">Invalid rows skipped (with skip-invalid).</param>
/// <param name="SkippedByReason">Skipped rows per reason (empty for a dataset: the database keeps only the total).</param>
/// <param name="Dataset">The stored dataset, when the board was ranked from the database.</param>
internal sealed record LeaderboardSource(string Format, bool Gzip, long RowsRead, long RowsSkipped, IReadOnlyDictionary<string, long> SkippedByReason, VoteDataset? Dataset = null)
{
    public static LeaderboardSource From(VoteReadResult read) =>
        new(read.Format.ToString(), read.Gzipped, read.RowsRead, read.RowsSkipped, read.SkippedByReason);

    public static LeaderboardSource From(VoteDataset dataset)
    {
        const string gzip = "+gzip";
        var compressed = dataset.SourceFormat.EndsWith(gzip, StringComparison.Ordinal);
        var format = compressed ? dataset.SourceFormat[..^gzip.Length] : dataset.SourceFormat;
        return new(format, compressed, dataset.VoteCount + dataset.RowsSkipped, dataset.RowsSkipped, new Dictionary<string, long>(), dataset);
    }
}

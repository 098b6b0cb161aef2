using Modelwatch.Cli.Progress;
using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary>Reads a votes file with progress on stderr and a one-line summary of what was read.</summary>
internal static class VoteFileLoader
{
    public static VoteReadResult Load(CliContext context, string path, bool skipInvalid, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        var start = context.Time.GetTimestamp();
        VoteReadResult result;
        using (var progress = new ReadProgress(context, Path.GetFileName(path)))
        {
            result = VoteFileReader.Read(path, new VoteReadOptions { SkipInvalid = skipInvalid }, progress, ct);
        }

        var seconds = context.Time.GetElapsedTime(start).TotalSeconds;
        context.Error.WriteLine(
            $"read {result.RowsRead:N0} votes, {result.Votes.Models.Count:N0} models from {Path.GetFileName(path)} " +
            $"({Describe(result)}) in {seconds:F2} s");
        if (result.RowsSkipped > 0)
        {
            var reasons = string.Join(", ", result.SkippedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Key}: {r.Value:N0}"));
            context.Error.WriteLine($"skipped {result.RowsSkipped:N0} invalid rows ({reasons})");
        }

        foreach (var note in result.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        return result;
    }

    private static string Describe(VoteReadResult result) =>
        (result.Gzipped ? "gzip, " : string.Empty) + result.Format switch
        {
            VoteFileFormat.JsonArray => "JSON array",
            VoteFileFormat.JsonLines => "JSON Lines",
            VoteFileFormat.Parquet => "Parquet",
            _ => "CSV",
        };
}

using Modelwatch.Data.Votes;

namespace Modelwatch.Cli.Progress;

/// <summary>Import progress on one status line: hashing and reading (megabytes), writing (votes), then counting.</summary>
internal sealed class VoteImportProgressLine(CliContext context, string name) : IProgress<VoteImportProgress>, IDisposable
{
    private readonly StatusLine _line = new(context);

    public void Report(VoteImportProgress value) => _line.Update(elapsed =>
    {
        var seconds = $"{elapsed.TotalSeconds:F1} s";
        return value.Phase switch
        {
            VoteImportPhase.Hashing => $"hashing {name}: {Bytes(value)}, {seconds}",
            VoteImportPhase.Reading => $"reading {name}: {Bytes(value)}, {seconds}",
            VoteImportPhase.Writing => $"writing votes: {value.RowsWritten:N0} of {value.TotalRows:N0} ({Percent(value.RowsWritten, value.TotalRows)}), {seconds}",
            _ => $"counting wins per model pair and category, {seconds}",
        };
    });

    public void Dispose() => _line.Dispose();

    private static string Bytes(VoteImportProgress value) => value.TotalBytes is { } total and > 0
        ? $"{value.BytesRead / 1e6:F1} of {total / 1e6:F1} MB ({Percent(value.BytesRead, total)})"
        : $"{value.BytesRead / 1e6:F1} MB";

    private static string Percent(long done, long total) => total > 0 ? $"{100.0 * done / total:F0}%" : "?";
}

using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Progress;

/// <summary>Reading progress: megabytes read of the total, votes so far, elapsed time.</summary>
internal sealed class ReadProgress(CliContext context, string name) : IProgress<VoteReadProgress>, IDisposable
{
    private readonly StatusLine _line = new(context);

    public void Report(VoteReadProgress value) => _line.Update(elapsed =>
    {
        var total = value.TotalBytes is { } t and > 0 ? $" of {t / 1e6:F1} MB ({100.0 * value.BytesRead / t:F0}%)" : " MB";
        return $"reading {name}: {value.BytesRead / 1e6:F1}{total}, {value.Rows:N0} votes, {elapsed.TotalSeconds:F1} s";
    });

    public void Dispose() => _line.Dispose();
}

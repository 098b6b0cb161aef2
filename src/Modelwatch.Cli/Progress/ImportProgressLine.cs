using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Cli.Progress;

/// <summary>Progress of a catalog import on stderr: the stage and records done of its total.</summary>
internal sealed class ImportProgressLine(CliContext context, string source) : IProgress<ImportProgress>, IDisposable
{
    private readonly StatusLine _line = new(context);

    public void Report(ImportProgress value) =>
        _line.Update(elapsed => $"importing {source}: {value.Stage} {value.Done:N0} of {value.Total:N0}, {elapsed.TotalSeconds:F1} s");

    public void Dispose() => _line.Dispose();
}

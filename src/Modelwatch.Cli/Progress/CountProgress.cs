namespace Modelwatch.Cli.Progress;

/// <summary>Progress of a counted job, such as bootstrap rounds.</summary>
internal sealed class CountProgress(CliContext context, string job, string unit, int total) : IProgress<int>, IDisposable
{
    private readonly StatusLine _line = new(context);

    public void Report(int value) => _line.Update(elapsed => $"{job}: {value:N0} of {total:N0} {unit}, {elapsed.TotalSeconds:F1} s");

    public void Dispose() => _line.Dispose();
}

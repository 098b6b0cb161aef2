using Modelwatch.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the work cleanly (nothing half-written); the second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await CliApp.RunAsync(args, new CliContext(Console.Out, Console.Error, TimeProvider.System, Console.IsErrorRedirected), cancel.Token).ConfigureAwait(false);

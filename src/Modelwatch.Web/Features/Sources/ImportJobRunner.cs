namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// Runs the queued import jobs one after another, each in a service scope of its own. A job that throws fails with
/// the exception's message (the readers' and stores' messages already name the file, line and field); the runner
/// goes on with the next job. The job's temporary files are deleted whatever happens.
/// </summary>
public sealed partial class ImportJobRunner(ImportJobQueue queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<ImportJobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        job.Start(time.GetUtcNow());
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var summary = await job.Work(new ImportJobContext(scope.ServiceProvider, job, stoppingToken)).ConfigureAwait(false);
                job.Succeed(summary, SucceededMessage(job, summary), time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Fail("The app stopped during the import; nothing of it was stored.", time.GetUtcNow());
        }
        catch (Exception error)
        {
            LogFailed(log, job.Id, job.Title, error);
            job.Fail(error.Message, time.GetUtcNow());
        }
        finally
        {
            Delete(job.TemporaryDirectory);
        }
    }

    private static string SucceededMessage(ImportJob job, ImportJobSummary s) => job.Kind == ImportJobKind.Votes
        ? s.AlreadyStored
            ? $"{job.Title} was imported before as dataset '{s.Dataset}': nothing changed."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{job.Title}: {s.Votes} votes and {s.Models} models stored as dataset '{s.Dataset}'.")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{job.Source}: import run {s.RunId} {s.Outcome}, {s.Problems} problems.");

    private static void Delete(string? directory)
    {
        if (directory is not null && Directory.Exists(directory))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleanup; nothing depends on it.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {Id} ({Title}) failed")]
    private static partial void LogFailed(ILogger logger, string id, string title, Exception error);
}

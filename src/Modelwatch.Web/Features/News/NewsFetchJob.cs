using Quartz;

namespace Modelwatch.Web.Features.News;

/// <summary>
/// The scheduled fetch: every poll interval, the sources that are due. Quartz runs in memory in each instance; what
/// keeps two instances from fetching one source is the source's lease in the database, not the scheduler.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NewsFetchJob(NewsSyncRunner runner) : IJob
{
    public static readonly JobKey Key = new("news-fetch", "news");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        runner.Start(null, dueOnly: true);
        await runner.WaitAsync().WaitAsync(cancellationToken);
    }
}

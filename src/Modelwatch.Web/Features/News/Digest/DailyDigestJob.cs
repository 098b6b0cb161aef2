using Quartz;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>Builds yesterday's (UTC) draft in each configured language, once.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(DigestService digests, DailyDigestOptions options, TimeProvider time, ILogger<DailyDigestJob> log) : IJob
{
    public static readonly JobKey Key = new("news-digest-daily", "news");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        foreach (var language in options.LanguagesOrDefault)
        {
            var id = await digests.DailyDraftAsync(yesterday, language, cancellationToken);
            log.LogInformation("Daily digest of {Day} ({Language}): {Outcome}", yesterday, language, id is null ? "already there" : $"draft {id}");
        }
    }
}

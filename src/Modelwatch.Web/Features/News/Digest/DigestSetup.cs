using Modelwatch.News.Digest;
using Quartz;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>
/// <c>Modelwatch:News:Digest</c>: the daily digest. Each day at <see cref="DailyAtUtc"/> a draft of the previous UTC
/// day is built in each of <see cref="Languages"/> (unless one exists), for a person to edit and publish.
/// </summary>
public sealed class DailyDigestOptions
{
    public const string Section = "Modelwatch:News:Digest";

    /// <summary>Whether the daily job runs at all.</summary>
    public bool Daily { get; set; } = true;

    /// <summary>The hour and minute, UTC, the job builds yesterday's draft.</summary>
    public TimeOnly DailyAtUtc { get; set; } = new(6, 0);

    /// <summary>The languages a draft is built in each day.</summary>
    public IList<string> Languages { get; set; } = [];

    /// <summary>The languages, "en" when none is set.</summary>
    public IReadOnlyList<string> LanguagesOrDefault => Languages.Count == 0 ? ["en"] : [.. Languages];
}

/// <summary>The digest's services: the builder and store over the app's database, the summariser choice, the daily job.</summary>
public static class DigestSetup
{
    public static IServiceCollection AddNewsDigest(this IServiceCollection services, IConfiguration configuration)
    {
        var summarizer = new SummarizerOptions();
        configuration.GetSection(SummarizerOptions.Section).Bind(summarizer);
        var daily = new DailyDigestOptions();
        configuration.GetSection(DailyDigestOptions.Section).Bind(daily);
        services.AddSingleton(summarizer);
        services.AddSingleton(daily);
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<DigestService>();
        if (daily.Daily)
        {
            // In memory per instance, like the fetch job; two instances building the same day's draft is prevented by
            // DigestService checking for an existing one (a rare double draft is harmless: a person publishes one).
            services.AddQuartz(q => q.ScheduleJob<DailyDigestJob>(
                trigger => trigger.WithIdentity("news-digest-daily-trigger", "news")
                    .WithSchedule(CronScheduleBuilder.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0 {daily.DailyAtUtc.Minute} {daily.DailyAtUtc.Hour} * * ?")).InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(DailyDigestJob.Key)));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }

        return services;
    }
}

using Modelwatch.News.Fetching;
using Modelwatch.News.Sync;
using Quartz;

namespace Modelwatch.Web.Features.News;

/// <summary>The news feature's services: fetch options, the fetcher's HTTP client, the fetch service, "sync now" and the Quartz schedule.</summary>
public static class NewsSetup
{
    /// <summary>The named HTTP client feeds are fetched with (its timeout is the fetcher's, per request).</summary>
    public const string ClientName = "news";

    public static IServiceCollection AddNews(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new NewsFetchOptions();
        configuration.GetSection(NewsFetchOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new FeedFetcher(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NewsFetchService>();
        services.AddSingleton<NewsSyncRunner>();
        services.AddScoped<NewsQueries>();
        if (options.Scheduled)
        {
            services.AddQuartz(q => q.ScheduleJob<NewsFetchJob>(
                trigger => trigger.WithIdentity("news-fetch-trigger", "news").StartNow()
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.PollInterval > TimeSpan.Zero ? options.PollInterval : TimeSpan.FromMinutes(5)).RepeatForever()),
                job => job.WithIdentity(NewsFetchJob.Key)));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }

        return services;
    }
}

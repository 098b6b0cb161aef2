using Modelwatch.Core.News.Digest;
using Modelwatch.News.Digest;
using Modelwatch.Providers;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>Builds and stores drafts with the configured summariser (the arena provider named in settings, else TextRank).</summary>
public sealed class DigestService(DigestBuilder builder, DigestStore store, SummarizerOptions summarizer, ProviderRegistry providers)
{
    /// <summary>The longest window a digest may cover (a year of news is an archive, not a digest).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    /// <summary>Builds a draft of the window in the language and stores it; returns its id.</summary>
    public async Task<long> DraftAsync(DigestWindow window, string language, CancellationToken cancellationToken)
    {
        var chosen = DigestSummarizers.Choose(summarizer, providers, out var problem);
        var digest = await builder.BuildAsync(window, language, chosen, null, cancellationToken, problem is null ? [] : [problem]);
        return (await store.SaveDraftAsync(digest, cancellationToken)).Id;
    }

    /// <summary>The daily draft of <paramref name="day"/>, unless one of that day and language exists; its id, or null.</summary>
    public async Task<long?> DailyDraftAsync(DateOnly day, string language, CancellationToken cancellationToken)
    {
        var window = DigestWindow.Day(day);
        return await store.ExistsAsync(window, language, cancellationToken) ? null : await DraftAsync(window, language, cancellationToken);
    }

    /// <summary>The problem with a requested window and language, or null when they are fine.</summary>
    public static string? Check(DateTimeOffset from, DateTimeOffset to, string? language) =>
        to <= from ? "to: must be after from."
        : to - from > MaxWindow ? $"to: a digest covers at most {MaxWindow.TotalDays:0} days."
        : !DigestLanguages.IsValid(language) ? "language: expected a language tag such as en or ko."
        : null;
}

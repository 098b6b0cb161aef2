using Modelwatch.Data.News.Store;

namespace Modelwatch.News.Sync;

/// <summary>Progress of a fetch run: sources done of the total, and how the last one went.</summary>
/// <param name="Done">Sources finished (fetched, failed or skipped because another instance holds them).</param>
/// <param name="Total">Sources in the run.</param>
/// <param name="Last">The source just finished.</param>
public sealed record NewsFetchProgress(int Done, int Total, NewsSourceFetched? Last);

/// <summary>One source's part of a run.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Name">Its name.</param>
/// <param name="Record">How the fetch went; null when another instance held the source's lease (not fetched here).</param>
public sealed record NewsSourceFetched(int SourceId, string Name, NewsFetchRecord? Record);

/// <summary>What a run did.</summary>
/// <param name="Sources">Each source in the run.</param>
public sealed record NewsFetchSummary(IReadOnlyList<NewsSourceFetched> Sources)
{
    public int Fetched => Sources.Count(s => s.Record is not null);

    public int Failed => Sources.Count(s => s.Record is { Succeeded: false });

    public int Skipped => Sources.Count(s => s.Record is null);

    public int ItemsNew => Sources.Sum(s => s.Record?.ItemsNew ?? 0);
}

using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Upserts one source's benchmark scores, keyed by (external id, benchmark, variant, as-of date), and its published
/// leaderboard rows, keyed by (board, category, publish date, model key). Existing rows are read once.
/// </summary>
internal sealed class ScoreWriter
{
    private readonly ImportContext _context;
    private readonly Dictionary<(string, string, string, DateOnly?), BenchmarkScoreRow> _scores;
    private readonly Dictionary<(string, string, DateOnly, string), PublishedRatingRow> _ratings;
    private readonly HashSet<(string, string, string, DateOnly?)> _seenScores = [];
    private readonly HashSet<(string, string, DateOnly, string)> _seenRatings = [];

    private ScoreWriter(ImportContext context, List<BenchmarkScoreRow> scores, List<PublishedRatingRow> ratings)
    {
        _context = context;
        _scores = scores.ToDictionary(s => (s.ExternalId, s.Benchmark, s.Variant ?? "", s.AsOf));
        _ratings = ratings.ToDictionary(r => (r.Board, r.Category, r.PublishedOn, r.ExternalId));
    }

    public KindCounter Scores { get; } = new();

    public KindCounter Ratings { get; } = new();

    public static async Task<ScoreWriter> LoadAsync(ImportContext context, CancellationToken ct)
    {
        var source = context.Source;
        var scores = await context.Db.BenchmarkScores.AsNoTracking().Where(s => s.Source == source).ToListAsync(ct).ConfigureAwait(false);
        var ratings = await context.Db.PublishedRatings.AsNoTracking().Where(r => r.Source == source).ToListAsync(ct).ConfigureAwait(false);
        return new ScoreWriter(context, scores, ratings);
    }

    public void Write(SourceBenchmarkScore score, ModelLink? link, int index)
    {
        var variant = score.Variant ?? link?.Variant ?? "";
        var key = (score.ModelRef, score.Benchmark, variant, score.AsOf);
        if (!_seenScores.Add(key))
        {
            _context.Problems.Add(new RecordProblem($"benchmarkScores[{index}] {score.ModelRef} {score.Benchmark}", "a second score for the same model, benchmark, variant and date; the first one was kept"));
            return;
        }

        if (!_scores.TryGetValue(key, out var row))
        {
            row = new BenchmarkScoreRow { Source = _context.Source, ExternalId = score.ModelRef, Benchmark = score.Benchmark, AsOf = score.AsOf, Variant = variant };
            Set(row, score, link);
            _context.Db.BenchmarkScores.Add(row);
            Scores.Added++;
        }
        else if (row.ModelId == link?.ModelId && row.Score.Equals(score.Score) && row.Metric == score.Metric && row.SourceUrl == score.SourceUrl && row.SelfReported == score.SelfReported)
        {
            Scores.Unchanged++;
        }
        else
        {
            _context.Track(row);
            Set(row, score, link);
            Scores.Changed++;
        }
    }

    public void Write(SourceLeaderboardEntry entry, ModelLink? link, int index)
    {
        var key = (entry.Board, entry.Category, entry.PublishedOn, entry.ModelRef);
        if (!_seenRatings.Add(key))
        {
            _context.Problems.Add(new RecordProblem($"leaderboardEntries[{index}] {entry.Board}/{entry.Category} {entry.ModelRef}", "a second row for the same board, category, date and model; the first one was kept"));
            return;
        }

        if (!_ratings.TryGetValue(key, out var row))
        {
            row = new PublishedRatingRow { Source = _context.Source, Board = entry.Board, Category = entry.Category, PublishedOn = entry.PublishedOn, ExternalId = entry.ModelRef };
            Set(row, entry, link);
            _context.Db.PublishedRatings.Add(row);
            Ratings.Added++;
        }
        else if (row.ModelId == link?.ModelId && row.Variant == link?.Variant && row.Rating.Equals(entry.Rating) && row.Lower == entry.Lower &&
                 row.Upper == entry.Upper && row.Votes == entry.Votes && row.Rank == entry.Rank)
        {
            Ratings.Unchanged++;
        }
        else
        {
            _context.Track(row);
            Set(row, entry, link);
            Ratings.Changed++;
        }
    }

    private void Set(BenchmarkScoreRow row, SourceBenchmarkScore score, ModelLink? link)
    {
        row.ModelId = link?.ModelId;
        row.Score = score.Score;
        row.Metric = score.Metric;
        row.SourceUrl = score.SourceUrl;
        row.SelfReported = score.SelfReported;
        row.ImportRunId = _context.Run.Id;
    }

    private void Set(PublishedRatingRow row, SourceLeaderboardEntry entry, ModelLink? link)
    {
        row.ModelId = link?.ModelId;
        row.Variant = link?.Variant;
        row.Rating = entry.Rating;
        row.Lower = entry.Lower;
        row.Upper = entry.Upper;
        row.Votes = entry.Votes;
        row.Rank = entry.Rank;
        row.ImportRunId = _context.Run.Id;
    }
}

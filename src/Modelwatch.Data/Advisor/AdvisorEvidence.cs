using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Arena;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Data.Advisor;

/// <summary>
/// Reads what the advisor shows of each catalog model: its facts, current price (<see cref="CurrentPrices"/>, as the
/// leaderboard's cards), the newest score of each of the use case's benchmarks, and speed measured by this instance.
/// </summary>
internal static class AdvisorEvidence
{
    public static async Task<IReadOnlyList<AdvisorCandidate>> CandidatesAsync(ModelwatchDbContext db, AdvisorBoard board, UseCaseProfile profile, CancellationToken ct)
    {
        var ids = board.Universe.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var models = await db.Models.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                m.Lab,
                m.DisplayName,
                m.Organisation,
                m.Licence,
                m.LicenceId,
                m.ContextWindow,
                m.InputModalities,
                m.OutputModalities,
                m.ToolCalling,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var prices = await CurrentPrices.OfAsync(db, models.ToDictionary(m => m.Id, m => m.Lab, StringComparer.Ordinal), ct).ConfigureAwait(false);
        var benchmarks = await BenchmarksAsync(db, ids, profile, ct).ConfigureAwait(false);
        var speed = await SpeedAsync(db, ids, ct).ConfigureAwait(false);
        return [.. models.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m =>
        {
            var price = prices.GetValueOrDefault(m.Id);
            return new AdvisorCandidate
            {
                ModelId = m.Id,
                Name = m.DisplayName ?? m.Id,
                Organisation = m.Organisation ?? m.Lab,
                Licence = m.Licence,
                LicenceId = m.LicenceId,
                ContextWindow = m.ContextWindow,
                InputModalities = Split(m.InputModalities),
                OutputModalities = Split(m.OutputModalities),
                ToolCalling = m.ToolCalling,
                InputPerMillion = price?.InputPerMillion,
                OutputPerMillion = price?.OutputPerMillion,
                PriceProvider = price?.Provider,
                Quality = board.Quality.GetValueOrDefault(m.Id),
                Benchmarks = benchmarks.GetValueOrDefault(m.Id) ?? [],
                Speed = speed.GetValueOrDefault(m.Id),
            };
        })];
    }

    private static IReadOnlyList<string> Split(string? modalities) =>
        modalities is null ? [] : [.. modalities.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The newest score of each profile benchmark per model (any source and setting; undated scores count as oldest),
    /// named as the profile names it, in the profile's order.
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<BenchmarkEvidence>>> BenchmarksAsync(ModelwatchDbContext db, List<string> ids, UseCaseProfile profile, CancellationToken ct)
    {
        if (profile.Benchmarks.Count == 0)
        {
            return [];
        }

        var wanted = profile.Benchmarks.Select((name, order) => (Key: UseCaseMap.BenchmarkKey(name), name, order))
            .ToDictionary(b => b.Key, b => (Name: b.name, Order: b.order), StringComparer.Ordinal);
        var rows = await db.BenchmarkScores.AsNoTracking()
            .Where(b => b.ModelId != null && ids.Contains(b.ModelId))
            .Select(b => new { ModelId = b.ModelId!, b.Benchmark, b.Score, b.Metric, b.Source, b.AsOf, b.SourceUrl, b.SelfReported, b.Id })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows
            .Where(r => double.IsFinite(r.Score) && wanted.ContainsKey(UseCaseMap.BenchmarkKey(r.Benchmark)))
            .GroupBy(r => r.ModelId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<BenchmarkEvidence>)[.. g
                    .GroupBy(r => wanted[UseCaseMap.BenchmarkKey(r.Benchmark)])
                    .OrderBy(b => b.Key.Order)
                    .Select(b => b.OrderByDescending(r => r.AsOf ?? DateOnly.MinValue).ThenByDescending(r => r.Id).First() is var r
                        ? new BenchmarkEvidence(b.Key.Name, r.Score, r.Metric, r.Source, r.AsOf, r.SourceUrl, r.SelfReported)
                        : null!)],
                StringComparer.Ordinal);
    }

    /// <summary>
    /// Medians of time to first token and output tokens per second over completed answers this instance measured:
    /// arena answers of contestants linked to the model and evaluation answers of run models linked to it.
    /// </summary>
    private static async Task<Dictionary<string, SpeedEvidence>> SpeedAsync(ModelwatchDbContext db, List<string> ids, CancellationToken ct)
    {
        var contestants = await db.ArenaContestants.AsNoTracking()
            .Where(c => c.CatalogModelId != null && ids.Contains(c.CatalogModelId))
            .Select(c => new { c.Id, ModelId = c.CatalogModelId! })
            .ToListAsync(ct).ConfigureAwait(false);
        var samples = new List<(string ModelId, double? Ttft, double? TokensPerSecond)>();
        if (contestants.Count > 0)
        {
            var contestantIds = contestants.Select(c => c.Id).ToList();
            var modelOf = contestants.ToDictionary(c => c.Id, c => c.ModelId);
            var arena = await db.ArenaAnswers.AsNoTracking()
                .Where(a => a.Outcome == AnswerOutcome.Completed)
                .Join(db.ArenaBattles, a => a.BattleId, b => b.Id, (a, b) => new
                {
                    Contestant = a.Side == BattleSide.A ? b.ContestantA : b.ContestantB,
                    a.TimeToFirstTokenMs,
                    a.DurationMs,
                    a.OutputTokens,
                })
                .Where(a => contestantIds.Contains(a.Contestant))
                .ToListAsync(ct).ConfigureAwait(false);
            samples.AddRange(arena.Select(a => (modelOf[a.Contestant], (double?)a.TimeToFirstTokenMs, TokensPerSecond(a.TimeToFirstTokenMs, a.DurationMs, a.OutputTokens))));
        }

        var evals = await db.EvalAnswers.AsNoTracking()
            .Where(a => a.Outcome == AnswerOutcome.Completed)
            .Join(db.EvalRunModels.Where(m => m.CatalogModelId != null && ids.Contains(m.CatalogModelId)), a => a.RunModelId, m => m.Id, (a, m) => new
            {
                ModelId = m.CatalogModelId!,
                a.TimeToFirstTokenMs,
                a.TotalMs,
                a.OutputTokens,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        samples.AddRange(evals.Select(a => (a.ModelId, a.TimeToFirstTokenMs, TokensPerSecond(a.TimeToFirstTokenMs, a.TotalMs, a.OutputTokens ?? 0))));
        return samples
            .GroupBy(s => s.ModelId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new SpeedEvidence(Median(g.Select(s => s.Ttft / 1000.0)), Median(g.Select(s => s.TokensPerSecond)), g.Count()),
                StringComparer.Ordinal);
    }

    /// <summary>Output tokens per second after the first token, as the arena's reveal computes it; null without a first token or time.</summary>
    private static double? TokensPerSecond(double? firstTokenMs, double totalMs, long outputTokens)
    {
        if (firstTokenMs is not { } first || outputTokens <= 0)
        {
            return null;
        }

        var seconds = (totalMs - first) / 1000.0;
        return seconds > 0 ? outputTokens / seconds : null;
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).Order().ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var middle = known.Count / 2;
        return known.Count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
    }
}

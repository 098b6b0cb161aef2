using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Data.Advisor;

/// <summary>
/// A token that changes whenever what the advisor loads may have changed: a catalog import or a reviewed alias (facts,
/// prices, links, published boards), a vote dataset imported, grown or deleted, a new arena or evaluation answer
/// (speed), or a new evaluation verdict (a run's board as the quality source). Read at most every
/// <see cref="CheckInterval"/>, as the leaderboard's model links do: the counts are a real share of a request's
/// database time, and a board two seconds old is still the board.
/// </summary>
internal sealed class AdvisorDataVersion(TimeProvider time)
{
    /// <summary>How long a version read is trusted.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private long _checkedAt;

    private volatile string? _version;

    public async Task<string> CurrentAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        if (_version is { } known && time.GetElapsedTime(Interlocked.Read(ref _checkedAt)) <= CheckInterval)
        {
            return known;
        }

        var catalog = await VoteNameLinks.CatalogVersionAsync(db, ct).ConfigureAwait(false);
        var datasets = await db.VoteDatasets.AsNoTracking().Select(d => new { d.Id, d.Revision, d.ImportedAt }).ToListAsync(ct).ConfigureAwait(false);
        var arenaAnswers = await db.ArenaAnswers.CountAsync(ct).ConfigureAwait(false);
        var evalAnswers = await db.EvalAnswers.CountAsync(ct).ConfigureAwait(false);
        var evalJudgements = await db.EvalJudgements.CountAsync(ct).ConfigureAwait(false);
        var version = string.Create(CultureInfo.InvariantCulture, $"{catalog}:{arenaAnswers}:{evalAnswers}:{evalJudgements}:")
            + string.Join(',', datasets.OrderBy(d => d.Id).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Id}.{d.Revision}.{d.ImportedAt.UtcTicks}")));
        _version = version;
        Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
        return version;
    }
}

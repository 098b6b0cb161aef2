using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>An id waiting for a person: the model the matcher proposes and why.</summary>
public sealed record PendingReview(long AliasId, string Source, string ExternalId, string CandidateModelId, string? CandidateName, string? Variant, double Confidence, string? Explanation, DateTimeOffset FirstSeenAt);

/// <summary>What accepting a match linked: the source's rows that now point at the model.</summary>
public sealed record ReviewOutcome(long AliasId, string Source, string ExternalId, string? ModelId, int Offerings, int BenchmarkScores, int LeaderboardEntries);

/// <summary>
/// The review queue: matches the matcher was not sure of (<see cref="ReviewState.Pending"/>). Accepting links the id
/// (<see cref="MatchKind.Reviewed"/>) and attaches the source's offerings, scores and leaderboard rows stored under
/// it; the source's model facts attach on its next import. Rejecting keeps the id unlinked for good: the store never
/// asks the matcher about it again.
/// </summary>
public sealed class ReviewQueue(ModelwatchDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PendingReview>> ListAsync(CancellationToken ct = default)
    {
        var pending = await db.Aliases.AsNoTracking()
            .Where(a => a.Review == ReviewState.Pending && a.CandidateModelId != null)
            .OrderBy(a => a.Source).ThenBy(a => a.ExternalId)
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = pending.Select(a => a.CandidateModelId!).Distinct().ToList();
        var names = await db.Models.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct).ConfigureAwait(false);
        return pending
            .Select(a => new PendingReview(a.Id, a.Source, a.ExternalId, a.CandidateModelId!, names.GetValueOrDefault(a.CandidateModelId!), a.Variant, a.Confidence, a.Explanation, a.FirstSeenAt))
            .ToList();
    }

    /// <summary>Links alias <paramref name="aliasId"/> to its candidate and attaches the source's rows stored under its id.</summary>
    /// <param name="aliasId">A pending alias.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <exception cref="KeyNotFoundException">No such alias.</exception>
    /// <exception cref="InvalidOperationException">The alias is not waiting for review.</exception>
    public async Task<ReviewOutcome> AcceptAsync(long aliasId, CancellationToken ct = default)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var alias = await PendingAsync(aliasId, ct).ConfigureAwait(false);

            // A source that creates models gave the id a model of its own while it waited (see ModelLinker.Decide):
            // its rows move to the candidate with it.
            var previous = alias.ModelId;
            alias.ModelId = alias.CandidateModelId;
            alias.Kind = MatchKind.Reviewed;
            alias.Review = ReviewState.Accepted;
            alias.Confidence = 1;
            alias.ReviewedAt = time.GetUtcNow();
            if (alias.Variant is { } variant && !await db.Variants.AnyAsync(v => v.ModelId == alias.ModelId && v.Name == variant, ct).ConfigureAwait(false))
            {
                db.Variants.Add(new ModelVariant { ModelId = alias.ModelId!, Name = variant, Kind = VariantKinds.Guess(variant) });
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var (source, id, model) = (alias.Source, alias.ExternalId, alias.ModelId);
            var offerings = await db.Offerings
                .Where(o => o.Source == source && (o.ModelId == null || o.ModelId == previous) && o.ProviderModelId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ModelId, model).SetProperty(o => o.Variant, o => o.Variant ?? alias.Variant), ct).ConfigureAwait(false);
            var scores = await db.BenchmarkScores
                .Where(s => s.Source == source && (s.ModelId == null || s.ModelId == previous) && s.ExternalId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ModelId, model), ct).ConfigureAwait(false);
            var ratings = await db.PublishedRatings
                .Where(r => r.Source == source && (r.ModelId == null || r.ModelId == previous) && r.ExternalId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ModelId, model).SetProperty(r => r.Variant, alias.Variant), ct).ConfigureAwait(false);
            if (previous is not null)
            {
                await MoveFactsAsync(source, id, previous, model!, ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new ReviewOutcome(aliasId, source, id, model, offerings, scores, ratings);
        }
    }

    /// <summary>Marks alias <paramref name="aliasId"/> as not its candidate; it stays unlinked and is never proposed again.</summary>
    /// <param name="aliasId">A pending alias.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <exception cref="KeyNotFoundException">No such alias.</exception>
    /// <exception cref="InvalidOperationException">The alias is not waiting for review.</exception>
    public async Task<ReviewOutcome> RejectAsync(long aliasId, CancellationToken ct = default)
    {
        var alias = await PendingAsync(aliasId, ct).ConfigureAwait(false);
        alias.Review = ReviewState.Rejected;
        alias.ReviewedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new ReviewOutcome(aliasId, alias.Source, alias.ExternalId, null, 0, 0, 0);
    }

    /// <summary>Moves the source's facts about <paramref name="id"/> to <paramref name="to"/>; drops <paramref name="from"/> when nothing names it any more.</summary>
    private async Task MoveFactsAsync(string source, string id, string from, string to, CancellationToken ct)
    {
        await db.Facts.Where(f => f.Source == source && f.ExternalId == id && f.ModelId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ModelId, to), ct).ConfigureAwait(false);
        var orphan = !await db.Aliases.AnyAsync(a => a.ModelId == from || a.CandidateModelId == from, ct).ConfigureAwait(false)
            && !await db.Offerings.AnyAsync(o => o.ModelId == from, ct).ConfigureAwait(false)
            && !await db.BenchmarkScores.AnyAsync(s => s.ModelId == from, ct).ConfigureAwait(false)
            && !await db.PublishedRatings.AnyAsync(r => r.ModelId == from, ct).ConfigureAwait(false)
            && !await db.Facts.AnyAsync(f => f.ModelId == from, ct).ConfigureAwait(false);
        if (orphan)
        {
            await db.Models.Where(m => m.Id == from).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }

        await ResolvedColumns.UpdateAsync(db, orphan ? [to] : [to, from], time.GetUtcNow(), ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private async Task<ModelAlias> PendingAsync(long aliasId, CancellationToken ct)
    {
        var alias = await db.Aliases.FirstOrDefaultAsync(a => a.Id == aliasId, ct).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no alias has id {aliasId}; `modelwatch catalog review` lists the pending ones");
        if (alias.Review is not ReviewState.Pending || alias.CandidateModelId is null)
        {
            throw new InvalidOperationException($"alias {aliasId} ({alias.Source} '{alias.ExternalId}') is not waiting for review: it is {alias.Review}");
        }

        return alias;
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Advisor;

namespace Modelwatch.Data.Advisor;

/// <summary>
/// The advisor over the database: picks the board for the use case (<see cref="AdvisorRatings"/>), loads every model
/// that board's source rates with its catalog facts and evidence (<see cref="AdvisorEvidence"/>), and applies the
/// advisor's rules (<see cref="ModelAdvisor.Recommend"/>). One instance per app: it caches fitted boards, and the
/// candidates of each (source, use case) until the data changes (<see cref="AdvisorDataVersion"/>) — loading them is
/// most of a request's time (about 100–180 ms for the 255 models of the coding board), applying the rules about 2 ms.
/// </summary>
public sealed class AdvisorService(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    private readonly AdvisorRatings _ratings = new(contexts, time);

    private readonly AdvisorDataVersion _version = new(time);

    private readonly ConcurrentDictionary<(string Version, string Key), Lazy<Task<Loaded>>> _loaded = new();

    /// <summary>The board and the candidates on it: everything a request needs besides its constraints and weights.</summary>
    private sealed record Loaded(AdvisorBoard Board, IReadOnlyList<AdvisorCandidate> Candidates);

    /// <summary>The advisor's answer to <paramref name="request"/>.</summary>
    /// <exception cref="AdvisorRequestException">The request names a dataset that does not exist, or both a dataset and published-only.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or fewer than one pick is asked for.</exception>
    public async Task<AdvisorResult> AdviseAsync(AdvisorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = UseCaseMap.For(request.UseCase, request.Language);
        var loaded = await LoadAsync(profile, request.RatingSource, ct).ConfigureAwait(false);
        var notes = new List<string>(loaded.Board.Notes);
        if (request.UseCase == UseCase.Language && string.IsNullOrWhiteSpace(request.Language))
        {
            notes.Insert(0, "No language given: ranked on the general board.");
        }

        return ModelAdvisor.Recommend(request, loaded.Candidates, loaded.Board.Category, loaded.Board.Source, notes);
    }

    private async Task<Loaded> LoadAsync(UseCaseProfile profile, RatingSourceChoice source, CancellationToken ct)
    {
        string version;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            version = await _version.CurrentAsync(db, ct).ConfigureAwait(false);
        }

        var key = (version, string.Join('|', source.Dataset ?? "", source.PublishedOnly, source.EvalRun, source.EvalTag ?? "", string.Join(',', profile.Categories), string.Join(',', profile.Benchmarks)));
        var added = false;

        // Its own context and no request's token: the load is shared by every request waiting for it.
        var lazy = _loaded.GetOrAdd(key, _ =>
        {
            added = true;
            return new Lazy<Task<Loaded>>(async () =>
            {
                var own = await contexts.CreateDbContextAsync().ConfigureAwait(false);
                await using (own.ConfigureAwait(false))
                {
                    var board = await _ratings.ReadAsync(own, profile, source, CancellationToken.None).ConfigureAwait(false);
                    return new Loaded(board, await AdvisorEvidence.CandidatesAsync(own, board, profile, CancellationToken.None).ConfigureAwait(false));
                }
            });
        });
        if (added)
        {
            // Only a new version makes entries stale; a hit does not walk the cache.
            foreach (var old in _loaded.Keys.Where(k => k.Version != version))
            {
                _loaded.TryRemove(old, out _);
            }
        }

        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.IsValueCreated && lazy.Value.IsFaulted)
        {
            // A refused request (unknown dataset) or a failed read is not kept: the next request tries again.
            _loaded.TryRemove(new KeyValuePair<(string, string), Lazy<Task<Loaded>>>(key, lazy));
            throw;
        }
    }

    /// <summary>What the form offers: the published languages, the vote datasets, the catalog's modalities and the evaluation runs.</summary>
    public async Task<AdvisorChoices> ChoicesAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var published = await AdvisorRatings.PublishedCategoriesAsync(db, ct).ConfigureAwait(false);
            var datasets = await db.VoteDatasets.AsNoTracking().Select(d => d.Name).ToListAsync(ct).ConfigureAwait(false);
            var modalities = await db.Models.AsNoTracking()
                .Select(m => new { m.InputModalities, m.OutputModalities })
                .Where(m => m.InputModalities != null || m.OutputModalities != null)
                .Distinct()
                .ToListAsync(ct).ConfigureAwait(false);
            var runs = await db.EvalRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new AdvisorEvalRunChoice(r.Id, r.Name)).ToListAsync(ct).ConfigureAwait(false);
            return new AdvisorChoices(
                [.. published.Keys.Where(UseCaseMap.LanguageNames.Contains).Order(StringComparer.Ordinal)],
                [.. datasets.Order(StringComparer.Ordinal)],
                [.. modalities
                    .SelectMany(m => $"{m.InputModalities},{m.OutputModalities}".Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(m => m.ToLowerInvariant())
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)])
            {
                EvalRuns = runs,
            };
        }
    }
}

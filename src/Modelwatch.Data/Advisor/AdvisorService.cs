using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Advisor;

namespace Modelwatch.Data.Advisor;

/// <summary>
/// The advisor over the database: picks the board for the use case (<see cref="AdvisorRatings"/>), loads every model
/// that board's source rates with its catalog facts and evidence (<see cref="AdvisorEvidence"/>), and applies the
/// advisor's rules (<see cref="ModelAdvisor.Recommend"/>). One instance per app: it caches fitted boards.
/// </summary>
public sealed class AdvisorService(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    private readonly AdvisorRatings _ratings = new(contexts, time);

    /// <summary>The advisor's answer to <paramref name="request"/>.</summary>
    /// <exception cref="AdvisorRequestException">The request names a dataset that does not exist, or both a dataset and published-only.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or fewer than one pick is asked for.</exception>
    public async Task<AdvisorResult> AdviseAsync(AdvisorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = UseCaseMap.For(request.UseCase, request.Language);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var board = await _ratings.ReadAsync(db, profile, request.RatingSource, ct).ConfigureAwait(false);
            var notes = new List<string>(board.Notes);
            if (request.UseCase == UseCase.Language && string.IsNullOrWhiteSpace(request.Language))
            {
                notes.Insert(0, "No language given: ranked on the general board.");
            }

            var candidates = await AdvisorEvidence.CandidatesAsync(db, board, profile, ct).ConfigureAwait(false);
            return ModelAdvisor.Recommend(request, candidates, board.Category, board.Source, notes);
        }
    }

    /// <summary>What the form offers: the published languages, the vote datasets and the catalog's modalities.</summary>
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
            return new AdvisorChoices(
                [.. published.Keys.Where(UseCaseMap.LanguageNames.Contains).Order(StringComparer.Ordinal)],
                [.. datasets.Order(StringComparer.Ordinal)],
                [.. modalities
                    .SelectMany(m => $"{m.InputModalities},{m.OutputModalities}".Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(m => m.ToLowerInvariant())
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)]);
        }
    }
}

using System.Globalization;
using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Core.Advisor;

/// <summary>
/// The advisor's rules, as one pure function of the request and the candidates (the data layer only loads them):
/// <list type="number">
/// <item>Constraints: the request's merged with the use case's (<see cref="UseCaseMap.Merge"/>); a model failing any,
/// or whose fact the catalog lacks, is excluded with every reason (<see cref="AdvisorConstraintCheck"/>); so is a model
/// with no rating on the category's board (constraint <c>quality</c>).</item>
/// <item>Score: weighted mean of quality, price and speed over the eligible models (<see cref="AdvisorScoring"/>), also
/// with the rating at both ends of its interval (ScoreLow, ScoreHigh).</item>
/// <item>Position: 1 + the eligible models whose ScoreLow is above this one's ScoreHigh — the arena's interval rank
/// generalised; with price and speed weights 0 it is exactly the rank within the eligible models. Picks share a
/// position only when their score intervals overlap, and list each other as tied.</item>
/// <item>Order: position, then score, then rating, then id (deterministic). The first <see cref="AdvisorRequest.Picks"/> are the short list.</item>
/// <item>Plot: eligible models with a rating and a price above $0 (the axis is logarithmic), the Pareto front over
/// (price, rating) marked.</item>
/// </list>
/// </summary>
public static class ModelAdvisor
{
    /// <summary>Ranks <paramref name="candidates"/> for <paramref name="request"/>.</summary>
    /// <param name="request">The question (its constraints are merged with the use case's here, so the result echoes what the user asked).</param>
    /// <param name="candidates">Every model considered, with its rating on <paramref name="category"/> (null when unrated).</param>
    /// <param name="category">The board the ratings come from.</param>
    /// <param name="ratingSource">Which board: <c>dataset:&lt;name&gt;</c> or <c>lmarena &lt;date&gt;</c>.</param>
    /// <param name="notes">What the loader has to say (fallbacks taken); the advisor's own notes follow.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not a number, or fewer than one pick is asked for.</exception>
    public static AdvisorResult Recommend(AdvisorRequest request, IReadOnlyList<AdvisorCandidate> candidates, string category, string ratingSource, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(ratingSource);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Picks, 1, nameof(request.Picks));
        var allNotes = new List<string>(notes);
        var weights = CheckedWeights(request.Weights, allNotes);
        var profile = UseCaseMap.For(request.UseCase, request.Language);
        var (constraints, implied) = UseCaseMap.Merge(request.Constraints, profile.Implied, request.UseCase);
        allNotes.AddRange(implied);

        var eligible = new List<Rated>();
        var excluded = new List<ExcludedModel>();
        foreach (var candidate in candidates)
        {
            var violations = AdvisorConstraintCheck.Violations(candidate, constraints, category);
            if (violations.Count > 0)
            {
                excluded.Add(new ExcludedModel(candidate.ModelId, candidate.Name, violations));
            }
            else
            {
                eligible.Add(Rated.Of(candidate));
            }
        }

        var scored = AdvisorScoring.Score(eligible, weights);
        // Position = 1 + how many score intervals lie wholly above this one: counted by binary search over the sorted
        // low ends, so a large catalog costs n log n rather than n² comparisons.
        var lows = scored.Select(o => o.ScoreLow).Order().ToArray();
        var positioned = scored
            .Select(s => (Scored: s, Position: 1 + CountAbove(lows, s.ScoreHigh)))
            .OrderBy(p => p.Position).ThenByDescending(p => p.Scored.Score).ThenByDescending(p => p.Scored.Model.Rating)
            .ThenBy(p => p.Scored.Model.Id, StringComparer.Ordinal)
            .ToList();
        var chosen = positioned.Take(request.Picks).ToList();
        var picks = new List<AdvisorPick>(chosen.Count);
        if (chosen.Count > 0)
        {
            var tradeOffs = new AdvisorTradeOffs(eligible, weights);
            foreach (var (s, position) in chosen)
            {
                var tied = chosen
                    .Where(o => o.Scored.Model.Id != s.Model.Id && Rated.Overlap(s.ScoreLow, s.ScoreHigh, o.Scored.ScoreLow, o.Scored.ScoreHigh))
                    .Select(o => o.Scored.Model.Id)
                    .ToList();
                var c = s.Model.Candidate;
                var monthly = constraints.Monthly is { } budget ? AdvisorPricing.Monthly(c.InputPerMillion, c.OutputPerMillion, budget) : null;
                picks.Add(new AdvisorPick(
                    position, tied, c, s.Score, s.ScoreLow, s.ScoreHigh, s.Model.Price, monthly,
                    tradeOffs.Of(s.Model), tradeOffs.Cheaper(s.Model), tradeOffs.MoreCapable(s.Model)));
            }
        }

        AddScoringNotes(eligible, weights, allNotes);
        var plot = Plot(eligible, picks.Select(p => p.Candidate.ModelId).ToHashSet(StringComparer.Ordinal), allNotes);
        return new AdvisorResult(
            request,
            category,
            ratingSource,
            profile.Benchmarks,
            picks,
            plot,
            [.. excluded.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.ModelId, StringComparer.Ordinal)],
            eligible.Count,
            allNotes);
    }

    /// <summary>How many of the ascending <paramref name="sorted"/> values are strictly greater than <paramref name="value"/>.</summary>
    private static int CountAbove(double[] sorted, double value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid] > value)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return sorted.Length - lo;
    }

    /// <summary>Weights must be finite and not negative; all zero means "quality alone" (only ratios count, and 0/0 has none).</summary>
    private static AdvisorWeights CheckedWeights(AdvisorWeights weights, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (name, value) in new[] { ("quality", weights.Quality), ("price", weights.Price), ("speed", weights.Speed) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), value, $"The {name} weight must be a number of 0 or more.");
            }
        }

        if (weights.Quality + weights.Price + weights.Speed > 0)
        {
            return weights;
        }

        notes.Add("Every weight was 0: ranked by quality alone.");
        return new AdvisorWeights(1, 0, 0);
    }

    private static void AddScoringNotes(List<Rated> eligible, AdvisorWeights weights, List<string> notes)
    {
        var unpriced = eligible.Count(m => m.ComparablePrice is null);
        if (weights.Price > 0 && unpriced > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unpriced} eligible model(s) have no price or only a $0 listing (a free tier or plan): scored {AdvisorScoring.Neutral} (neutral) on price."));
        }

        var unmeasured = eligible.Count(m => m.TokensPerSecond is null);
        if (weights.Speed > 0 && unmeasured > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unmeasured} eligible model(s) have no speed measured by this instance: scored {AdvisorScoring.Neutral} (neutral) on speed."));
        }
    }

    private static IReadOnlyList<AdvisorPoint> Plot(List<Rated> eligible, HashSet<string> picked, List<string> notes)
    {
        var priced = eligible.Where(m => m.Price > 0).ToList();
        var free = eligible.Count(m => m.Price == 0);
        if (free > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{free} eligible model(s) priced $0 are not on the plot (its price axis is logarithmic)."));
        }

        var front = ParetoFront.Of(priced, m => (double)m.Price!.Value, m => m.Rating).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return [.. priced
            .OrderBy(m => m.Price).ThenByDescending(m => m.Rating).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new AdvisorPoint(m.Id, m.Candidate.Name, m.Rating, m.Lower, m.Upper, m.Price!.Value, front.Contains(m.Id), picked.Contains(m.Id)))];
    }
}

using Modelwatch.Core.Ratings;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Leaderboards;

/// <summary>
/// Votes in, leaderboard out: cleaning, aggregation, the chosen method, intervals, ranks, anchor and matrices.
/// The CLI and the web app both call this, so a number on a page is the number the command prints.
/// </summary>
public static class RatingEngine
{
    /// <exception cref="ArgumentException">The request does not fit the votes (unknown category or anchor model, a
    /// filter that needs a column the votes lack, intervals the method does not have).</exception>
    public static RatingReport Run(VoteTable votes, RatingRequest request, IProgress<int>? bootstrapRoundsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);

        var cleaned = VoteCleaning.Apply(votes, request.Filter);
        if (cleaned.Selected.Length == 0)
        {
            throw new ArgumentException($"No votes are left after cleaning ({Describe(cleaned.Steps)}); nothing to rate.");
        }

        var counts = PairwiseCounts.FromVotes(votes, cleaned.Selected);
        var warnings = new List<string>();
        var scored = request.StyleControl
            ? RunStyleControl(votes, cleaned.Selected, counts, request, warnings, ct)
            : request.Method switch
            {
                RatingMethod.BradleyTerry => RunBradleyTerry(counts, request, bootstrapRoundsDone, warnings, ct),
                RatingMethod.Elo => RunElo(votes, cleaned.Selected, counts, request),
                _ => WinRateOnly(counts),
            };
        return Assemble(counts, request, scored, cleaned.Steps, votes.Count, cleaned.Selected.Length, warnings);
    }

    /// <summary>
    /// Rates stored aggregates (the web app keeps cleaned per-category counts and refits on every new vote, without
    /// re-reading votes). Bradley–Terry and win rate only: Elo needs vote order, style control needs each vote.
    /// <c>start</c> may hold the strengths of an earlier fit (natural units, in the counts' model order) to warm-start the refit.
    /// </summary>
    public static RatingReport RunOnCounts(PairwiseCounts counts, RatingRequest request, ReadOnlySpan<double> start = default, IProgress<int>? bootstrapRoundsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        if (request.StyleControl || request.Method == RatingMethod.Elo)
        {
            throw new ArgumentException("Aggregated counts can be rated with Bradley–Terry or win rate; Elo needs the votes in order and style control needs each vote's style features.");
        }

        if (counts.RowCount == 0)
        {
            throw new ArgumentException("There are no votes in the stored counts; nothing to rate.");
        }

        var warnings = new List<string>();
        var scored = request.Method == RatingMethod.BradleyTerry
            ? RunBradleyTerry(counts, request, bootstrapRoundsDone, warnings, ct, start)
            : WinRateOnly(counts);
        var total = (int)Math.Round(counts.TotalVotes);
        return Assemble(counts, request, scored, [], total, total, warnings);
    }

    private static RatingReport Assemble(PairwiseCounts counts, RatingRequest request, Scored scored, IReadOnlyList<CleaningStep> cleaning, int votesRead, int votesUsed, List<string> warnings)
    {
        // The win-rate method's ratings are the win rates already: no second pass for the column.
        var winRates = request.Method == RatingMethod.WinRate && !request.StyleControl ? scored.Ratings : AverageWinRate.Compute(counts);
        var votesPerModel = counts.VotesPerModel();
        var ratings = scored.Ratings;
        var lower = scored.Lower;
        var upper = scored.Upper;
        if (request.Anchor is { } anchor)
        {
            var index = IndexOf(counts.Models, anchor.Model)
                ?? throw new ArgumentException($"--anchor names '{anchor.Model}', which is not among the {counts.ModelCount} models rated.");
            var shift = anchor.Rating - ratings[index];
            ratings = Shift(ratings, shift);
            lower = lower is null ? null : Shift(lower, shift);
            upper = upper is null ? null : Shift(upper, shift);
        }

        var ranks = lower is not null && upper is not null ? Ranking.FromIntervals(lower, upper) : OrdinalRanks(ratings);
        var entries = new List<LeaderboardEntry>(counts.ModelCount);
        for (var i = 0; i < counts.ModelCount; i++)
        {
            entries.Add(new LeaderboardEntry(
                ranks[i],
                counts.Models[i],
                ratings[i],
                lower?[i] ?? double.NaN,
                upper?[i] ?? double.NaN,
                scored.Variance?[i] ?? double.NaN,
                (long)votesPerModel[i],
                winRates[i]));
        }

        entries.Sort((x, y) => y.Rating.CompareTo(x.Rating) is var byRating && byRating != 0 ? byRating : string.CompareOrdinal(x.Model, y.Model));
        return new RatingReport
        {
            Request = request,
            Entries = entries,
            Cleaning = cleaning,
            VotesRead = votesRead,
            VotesUsed = votesUsed,
            UniqueRows = counts.RowCount,
            Solver = scored.Solver,
            StyleCoefficients = scored.Coefficients,
            Matrices = request.IncludeMatrices ? PairMatrices.Compute(counts, ratings, request.BradleyTerry) : null,
            Warnings = warnings,
        };
    }

    private static Scored WinRateOnly(PairwiseCounts counts) => new(AverageWinRate.Compute(counts), null, null, null, null, []);

    private static void Validate(RatingRequest request)
    {
        if (request.Method != RatingMethod.BradleyTerry && request.Intervals != IntervalMethod.None)
        {
            throw new ArgumentException($"Intervals ({request.Intervals}) are computed for Bradley–Terry only; use --ci none with --method {request.Method}.");
        }

        if (request.StyleControl && request.Method != RatingMethod.BradleyTerry)
        {
            throw new ArgumentException("Style control is a contextual Bradley–Terry fit; it cannot be combined with --method elo or winrate.");
        }

        if (request.Intervals == IntervalMethod.Bootstrap && request.BootstrapRounds < 2)
        {
            throw new ArgumentException($"Bootstrap needs at least 2 rounds; got {request.BootstrapRounds}.");
        }

        if (request.Confidence is <= 0 or >= 1)
        {
            throw new ArgumentException($"Confidence must be between 0 and 1 (e.g. 0.95); got {request.Confidence}.");
        }
    }

    private static Scored RunBradleyTerry(PairwiseCounts counts, RatingRequest request, IProgress<int>? roundsDone, List<string> warnings, CancellationToken ct, ReadOnlySpan<double> start = default)
    {
        var fit = BradleyTerry.Fit(counts, request.BradleyTerry, start);
        warnings.AddRange(fit.Warnings.Select(w => w.Message));
        var intervals = request.Intervals switch
        {
            IntervalMethod.Sandwich => SandwichIntervals.Compute(counts, fit, request.BradleyTerry, request.Confidence),
            IntervalMethod.Bootstrap => BootstrapIntervals.Compute(counts, fit, request.BootstrapRounds, request.Seed, request.BradleyTerry, request.Confidence, roundsDone, ct),
            _ => null,
        };
        var solver = new SolverSummary("Newton–Raphson (Bradley–Terry)", fit.Iterations, fit.ExitReason.ToString(), fit.GradientNorm);
        return new Scored(fit.Ratings.ToArray(), intervals?.Lower, intervals?.Upper, intervals?.Variance, solver, []);
    }

    private static Scored RunStyleControl(VoteTable votes, int[] selected, PairwiseCounts counts, RatingRequest request, List<string> warnings, CancellationToken ct)
    {
        var method = request.Intervals == IntervalMethod.Bootstrap ? StyleIntervalMethod.Bootstrap : StyleIntervalMethod.Sandwich;
        var options = request.StyleControlOptions with { ConfidenceLevel = request.Confidence };
        var fit = StyleControlModel.Fit(votes, selected, options, method, request.BootstrapRounds, request.Seed, ct);
        if (fit.BootstrapRoundsNotConverged > 0)
        {
            warnings.Add($"{fit.BootstrapRoundsNotConverged} of {fit.BootstrapRounds} style-control bootstrap rounds did not converge.");
        }

        // The style fit orders models as it met them; line them up with the counts' order used for every other column.
        var order = counts.Models.Select(m => IndexOf(fit.Models, m) ?? throw new InvalidOperationException($"Style control did not rate '{m}'.")).ToArray();
        double[] Reorder(double[] values) => order.Select(i => values[i]).ToArray();
        var solver = new SolverSummary("Newton–Raphson (contextual Bradley–Terry)", fit.Iterations, fit.ExitReason.ToString(), fit.GradientNorm);
        var hasIntervals = request.Intervals != IntervalMethod.None;
        return new Scored(
            Reorder(fit.Ratings),
            hasIntervals ? Reorder(fit.Lower) : null,
            hasIntervals ? Reorder(fit.Upper) : null,
            null,
            solver,
            fit.Coefficients);
    }

    private static Scored RunElo(VoteTable votes, int[] selected, PairwiseCounts counts, RatingRequest request)
    {
        // Elo is order-dependent: time order when the votes carry timestamps (as FastChat sorts), file order otherwise.
        var order = selected;
        if (votes.HasTimestamps)
        {
            var times = votes.TimestampsMs;
            order = [.. selected];
            var keys = new long[order.Length];
            for (var k = 0; k < order.Length; k++)
            {
                keys[k] = times[order[k]];
            }

            Array.Sort(keys, order); // not stable; restore file order within equal times below
            StableWithinEqualKeys(keys, order);
        }

        // Table model id → the counts' model index, once per model rather than a name lookup per vote.
        var toCounts = new int[votes.Models.Count];
        for (var i = 0; i < counts.ModelCount; i++)
        {
            votes.Models.TryGetId(counts.Models[i], out var id);
            toCounts[id] = i;
        }

        var a = new int[order.Length];
        var b = new int[order.Length];
        var w = new Winner[order.Length];
        var modelA = votes.ModelA;
        var modelB = votes.ModelB;
        var winners = votes.Winners;
        for (var k = 0; k < order.Length; k++)
        {
            var v = order[k];
            a[k] = toCounts[modelA[v]];
            b[k] = toCounts[modelB[v]];
            w[k] = winners[v];
        }

        var ratings = OnlineElo.Compute(counts.ModelCount, a, b, w, request.Elo);
        return new Scored(ratings, null, null, null, null, []);
    }

    private static void StableWithinEqualKeys(long[] keys, int[] order)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
        }
    }

    private static int[] OrdinalRanks(double[] ratings)
    {
        var order = Enumerable.Range(0, ratings.Length).OrderByDescending(i => ratings[i]).ToArray();
        var ranks = new int[ratings.Length];
        for (var position = 0; position < order.Length; position++)
        {
            ranks[order[position]] = position + 1;
        }

        return ranks;
    }

    private static double[] Shift(double[] values, double shift) => values.Select(v => v + shift).ToArray();

    private static int? IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private static string Describe(IReadOnlyList<CleaningStep> steps) =>
        string.Join("; ", steps.Where(s => s.Removed > 0).Select(s => $"{s.Name} removed {s.Removed:N0}"));

    private sealed record Scored(
        double[] Ratings,
        double[]? Lower,
        double[]? Upper,
        double[]? Variance,
        SolverSummary? Solver,
        IReadOnlyList<StyleCoefficient> Coefficients);
}

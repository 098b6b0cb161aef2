using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Evals;

/// <summary>How a run's private board is rated.</summary>
public sealed record EvalBoardOptions
{
    /// <summary>Sandwich (fast, LMArena's default) or bootstrap intervals.</summary>
    public IntervalMethod Intervals { get; init; } = IntervalMethod.Sandwich;

    public int BootstrapRounds { get; init; } = 100;

    public int Seed { get; init; } = 42;

    /// <summary>Shows this model (the baseline, usually) at <see cref="AnchorRating"/>; a display shift only.</summary>
    public string? AnchorModel { get; init; }

    public double AnchorRating { get; init; } = 1000;
}

/// <summary>
/// A run's private leaderboard: the arena's own rating engine (Bradley–Terry with intervals, interval ranks) on the
/// run's games, for all prompts or the prompts with one tag. LLM verdicts and human votes are rated apart by the caller
/// (they answer different questions: what the judge prefers, what people prefer).
/// </summary>
public static class EvalBoard
{
    /// <summary>The board; null when no game (of the tag) is left to rate or fewer than two models played.</summary>
    /// <param name="games">Every game of the run (from <see cref="ArenaHardScoring"/>).</param>
    /// <param name="options">Intervals and anchor.</param>
    /// <param name="tag">Only games on prompts with this tag; null for all.</param>
    public static RatingReport? Build(IEnumerable<EvalBoardGame> games, EvalBoardOptions options, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(games);
        ArgumentNullException.ThrowIfNull(options);
        var models = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(int A, int B, byte Outcome, double Count)>();
        foreach (var game in games)
        {
            if ((tag is not null && !game.Tags.Contains(tag, StringComparer.Ordinal)) || game.Count <= 0
                || string.Equals(game.ModelA, game.ModelB, StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add((Index(game.ModelA), Index(game.ModelB), Outcome(game.ScoreA), game.Count));
        }

        if (rows.Count == 0 || models.Count < 2)
        {
            return null;
        }

        var counts = PairwiseCounts.FromRows(models, rows);
        var anchor = options.AnchorModel is { } a && counts.Models.Contains(a, StringComparer.Ordinal) ? new RatingAnchor(a, options.AnchorRating) : null;
        return RatingEngine.RunOnCounts(counts, new RatingRequest
        {
            Method = RatingMethod.BradleyTerry,
            Intervals = options.Intervals,
            BootstrapRounds = options.BootstrapRounds,
            Seed = options.Seed,
            Anchor = anchor,
        });

        int Index(string model)
        {
            if (!index.TryGetValue(model, out var i))
            {
                i = models.Count;
                index[model] = i;
                models.Add(model);
            }

            return i;
        }
    }

    /// <summary>The tags of the games' prompts, each once, in ordinal order (the per-tag boards to offer).</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<EvalBoardGame> games)
    {
        ArgumentNullException.ThrowIfNull(games);
        return [.. games.SelectMany(g => g.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static byte Outcome(double scoreA) => scoreA switch
    {
        1.0 => 2,
        0.0 => 0,
        0.5 => 1,
        _ => throw new ArgumentException($"A game's score for A is 1, 0.5 or 0; got {scoreA}.", nameof(scoreA)),
    };
}

namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>A style-controlled leaderboard: ratings net of style, their intervals, and the style coefficients.</summary>
public sealed class StyleControlFit
{
    /// <summary>Models in the fit, in order of first appearance among the selected votes.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Scaled ratings (mean <see cref="StyleControlOptions.InitialRating"/>), one per model.</summary>
    public required double[] Ratings { get; init; }

    public required double[] Lower { get; init; }

    public required double[] Upper { get; init; }

    /// <summary>γ for tokens, headers, lists, bold, in that order.</summary>
    public required IReadOnlyList<StyleCoefficient> Coefficients { get; init; }

    /// <summary>Mean of each raw feature <c>(A − B)/(A + B + 1)</c> over the fitted votes (what z-scoring subtracted).</summary>
    public required double[] FeatureMeans { get; init; }

    /// <summary>Population standard deviation of each raw feature (what z-scoring divided by; 1 where it was 0).</summary>
    public required double[] FeatureStandardDeviations { get; init; }

    public required int VoteCount { get; init; }

    /// <summary>Newton steps of the full-data fit.</summary>
    public required int Iterations { get; init; }

    public required StyleControlExitReason ExitReason { get; init; }

    /// <summary>Largest gradient component of the mean loss at the returned fit.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>The minimised loss: weighted mean negative log-likelihood plus ½·λ·‖γ‖².</summary>
    public required double Loss { get; init; }

    public required StyleIntervalMethod IntervalMethod { get; init; }

    /// <summary>Bootstrap rounds run (0 for the sandwich).</summary>
    public required int BootstrapRounds { get; init; }

    /// <summary>Bootstrap rounds whose refit did not reach the tolerance (still used for the percentiles).</summary>
    public required int BootstrapRoundsNotConverged { get; init; }

    public required StyleControlOptions Options { get; init; }
}

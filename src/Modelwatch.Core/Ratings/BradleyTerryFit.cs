namespace Modelwatch.Core.Ratings;

/// <summary>
/// The result of <see cref="BradleyTerry.Fit"/>: natural-unit strengths (sum zero), the displayed ratings, and how
/// the solver ended. An anchor (<see cref="AnchoredTo"/>) only shifts the displayed ratings.
/// </summary>
public sealed class BradleyTerryFit
{
    private readonly double[] _strengths;
    private readonly double[] _ratings;

    internal BradleyTerryFit(
        IReadOnlyList<string> models,
        double[] strengths,
        BradleyTerryOptions options,
        double displayOffset,
        int iterations,
        FitExitReason exitReason,
        double gradientNorm,
        double logLikelihood,
        IReadOnlyList<FitWarning> warnings)
    {
        Models = models;
        _strengths = strengths;
        Options = options;
        DisplayOffset = displayOffset;
        Iterations = iterations;
        ExitReason = exitReason;
        GradientNorm = gradientNorm;
        LogLikelihood = logLikelihood;
        Warnings = warnings;
        _ratings = new double[strengths.Length];
        var perStrength = options.RatingPerStrength;
        for (var i = 0; i < strengths.Length; i++)
        {
            _ratings[i] = options.InitialRating + displayOffset + perStrength * strengths[i];
        }
    }

    public IReadOnlyList<string> Models { get; }

    /// <summary>Natural-unit strengths: <c>P(a beats b) = 1 / (1 + e^−(r_a − r_b))</c>; they sum to zero.</summary>
    public ReadOnlySpan<double> Strengths => _strengths;

    /// <summary><c>InitialRating + DisplayOffset + Scale / ln(Base) · strength</c>.</summary>
    public ReadOnlySpan<double> Ratings => _ratings;

    public BradleyTerryOptions Options { get; }

    /// <summary>Rating points added for display by an anchor; 0 without one (then the mean rating is InitialRating).</summary>
    public double DisplayOffset { get; }

    /// <summary>Newton steps taken.</summary>
    public int Iterations { get; }

    public FitExitReason ExitReason { get; }

    /// <summary>Largest absolute gradient component of the mean negative log-likelihood at the result.</summary>
    public double GradientNorm { get; }

    /// <summary>The (weighted) log-likelihood <c>Σ w · (y·d − log(1 + e^d))</c> at the result.</summary>
    public double LogLikelihood { get; }

    /// <summary>Problems of the data (infinite ratings, disconnected groups); empty for a well-posed fit.</summary>
    public IReadOnlyList<FitWarning> Warnings { get; }

    public int ModelCount => _strengths.Length;

    /// <summary>Index of a model by name, or -1.</summary>
    public int IndexOf(string model)
    {
        for (var i = 0; i < Models.Count; i++)
        {
            if (string.Equals(Models[i], model, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The same fit displayed so that <paramref name="model"/> shows <paramref name="rating"/> (FastChat's old
    /// anchor, e.g. mixtral-8x7b-instruct-v0.1 = 1114). A pure shift of every rating: strengths, gaps and interval
    /// widths are unchanged; intervals computed from the anchored fit carry the same shift.
    /// </summary>
    /// <exception cref="ArgumentException">The model is not in the fit.</exception>
    public BradleyTerryFit AnchoredTo(string model, double rating)
    {
        var index = IndexOf(model);
        if (index < 0)
        {
            throw new ArgumentException($"Anchor model '{model}' is not among the {Models.Count} models of the fit.", nameof(model));
        }

        if (!double.IsFinite(rating))
        {
            throw new ArgumentException($"Anchor rating must be finite, got {rating}.", nameof(rating));
        }

        var offset = DisplayOffset + (rating - _ratings[index]);
        return new BradleyTerryFit(Models, _strengths, Options, offset, Iterations, ExitReason, GradientNorm, LogLikelihood, Warnings);
    }
}

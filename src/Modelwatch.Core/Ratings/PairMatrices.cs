namespace Modelwatch.Core.Ratings;

/// <summary>
/// The per-pair tables LMArena publishes beside the board, as m×m row-major arrays in the model order of the counts:
/// battle counts, the observed win fraction of the row model against the column model, the win probability the
/// ratings predict, and votes per model.
/// </summary>
public sealed class PairMatrices
{
    private readonly double[] _battles;
    private readonly double[] _winFraction;
    private readonly double[] _predicted;
    private readonly double[] _votesPerModel;

    private PairMatrices(IReadOnlyList<string> models, double[] battles, double[] winFraction, double[] predicted, double[] votesPerModel)
    {
        Models = models;
        _battles = battles;
        _winFraction = winFraction;
        _predicted = predicted;
        _votesPerModel = votesPerModel;
    }

    public IReadOnlyList<string> Models { get; }

    public int ModelCount => Models.Count;

    /// <summary>Votes between row and column model (symmetric, zero diagonal), row-major.</summary>
    public ReadOnlySpan<double> BattleCounts => _battles;

    /// <summary>
    /// Observed win fraction of the row model against the column model: <c>(wins + ½ ties) / battles</c>, where
    /// ties include both-bad; NaN where the pair never met and on the diagonal. <c>F[i,j] + F[j,i] = 1</c>.
    /// </summary>
    public ReadOnlySpan<double> WinFractions => _winFraction;

    /// <summary>Predicted <c>P(row beats column) = 1 / (1 + Base^((R_col − R_row)/Scale))</c>; ½ on the diagonal.</summary>
    public ReadOnlySpan<double> PredictedWinProbabilities => _predicted;

    /// <summary>Votes each model took part in.</summary>
    public ReadOnlySpan<double> VotesPerModel => _votesPerModel;

    public double Battles(int row, int column) => _battles[(row * ModelCount) + column];

    public double WinFraction(int row, int column) => _winFraction[(row * ModelCount) + column];

    public double PredictedWinProbability(int row, int column) => _predicted[(row * ModelCount) + column];

    /// <param name="counts">Aggregated votes.</param>
    /// <param name="ratings">Displayed ratings, one per model (an anchor shift does not matter).</param>
    /// <param name="options">Scale and base of the ratings; defaults when null.</param>
    public static PairMatrices Compute(PairwiseCounts counts, ReadOnlySpan<double> ratings, BradleyTerryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= BradleyTerryOptions.Default;
        var m = counts.ModelCount;
        if (ratings.Length != m)
        {
            throw new ArgumentException($"Expected {m} ratings, one per model; got {ratings.Length}.", nameof(ratings));
        }

        var battles = new double[m * m];
        var score = new double[m * m];
        var a = counts.A;
        var b = counts.B;
        var outcome = counts.Outcome;
        var count = counts.Count;
        for (var i = 0; i < counts.RowCount; i++)
        {
            var n = count[i];
            var scoreA = n * outcome[i] / 2.0;
            battles[(a[i] * m) + b[i]] += n;
            battles[(b[i] * m) + a[i]] += n;
            score[(a[i] * m) + b[i]] += scoreA;
            score[(b[i] * m) + a[i]] += n - scoreA;
        }

        var fraction = new double[m * m];
        var predicted = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var at = (i * m) + j;
                fraction[at] = i != j && battles[at] > 0 ? score[at] / battles[at] : double.NaN;
                predicted[at] = 1.0 / (1.0 + Math.Pow(options.Base, (ratings[j] - ratings[i]) / options.Scale));
            }
        }

        return new PairMatrices(counts.Models, battles, fraction, predicted, counts.VotesPerModel());
    }
}

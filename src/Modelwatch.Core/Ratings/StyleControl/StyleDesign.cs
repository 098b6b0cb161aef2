using System.Globalization;
using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// The per-vote data of a style-controlled fit: compact model ids, scores, weights and z-scored style features.
/// Votes cannot be aggregated to unique rows as in plain Bradley–Terry, because the features differ per vote.
/// </summary>
internal sealed class StyleDesign
{
    public const int FeatureCount = 4;

    /// <summary>Feature names, in the order of <see cref="Features"/> columns and of the coefficients.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["tokens", "headers", "lists", "bold"];

    private StyleDesign(string[] models, int[] a, int[] b, double[] score, double[] weight, double[] features, double[] mean, double[] std)
    {
        Models = models;
        A = a;
        B = b;
        Score = score;
        Weight = weight;
        Features = features;
        FeatureMeans = mean;
        FeatureStandardDeviations = std;
    }

    public string[] Models { get; }

    public int ModelCount => Models.Length;

    public int VoteCount => A.Length;

    /// <summary>Ratings first, then one coefficient per feature.</summary>
    public int ParameterCount => Models.Length + FeatureCount;

    public int[] A { get; }

    public int[] B { get; }

    /// <summary>Score of side A: 1, ½ (tie or both-bad) or 0.</summary>
    public double[] Score { get; }

    /// <summary>Per-vote weight, mean 1 (all 1 without reweighting).</summary>
    public double[] Weight { get; }

    /// <summary>Z-scored features, <see cref="FeatureCount"/> per vote, row-major.</summary>
    public double[] Features { get; }

    public double[] FeatureMeans { get; }

    public double[] FeatureStandardDeviations { get; }

    /// <exception cref="ArgumentException">
    /// No votes selected, a self-vote, a table without style metadata, or selected votes lacking it (counted, with
    /// the first source lines).
    /// </exception>
    public static StyleDesign Build(VoteTable votes, ReadOnlySpan<int> selected, StyleControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(votes);
        if (selected.IsEmpty)
        {
            throw new ArgumentException("No votes selected: a style-controlled fit needs at least one vote.", nameof(selected));
        }

        if (!votes.HasStyle)
        {
            throw new ArgumentException(
                "This vote table has no style metadata (answer tokens, header / list / bold counts), so it cannot be style-controlled; load a file with FastChat's conv_metadata or fit plain Bradley–Terry.",
                nameof(votes));
        }

        RequireStyleOnEveryVote(votes, selected);

        var n = selected.Length;
        var compact = new int[votes.Models.Count];
        Array.Fill(compact, -1);
        var names = new List<string>();
        var a = new int[n];
        var b = new int[n];
        var score = new double[n];
        var features = new double[n * FeatureCount];
        var modelA = votes.ModelA;
        var modelB = votes.ModelB;
        var winners = votes.Winners;
        var style = votes.Style;
        for (var r = 0; r < n; r++)
        {
            var i = selected[r];
            if (modelA[i] == modelB[i])
            {
                throw new ArgumentException(
                    $"Vote at source line {votes.SourceLines[i]} has '{votes.Models[modelA[i]]}' on both sides; remove self-votes (VoteCleaning) before fitting.",
                    nameof(selected));
            }

            a[r] = Compact(modelA[i]);
            b[r] = Compact(modelB[i]);
            score[r] = winners[i].ScoreForA();
            var s = style[i];
            var f = features.AsSpan(r * FeatureCount, FeatureCount);
            f[0] = RelativeDifference(s.TokensA, s.TokensB);
            f[1] = RelativeDifference(s.HeadersA, s.HeadersB);
            f[2] = RelativeDifference(s.ListsA, s.ListsB);
            f[3] = RelativeDifference(s.BoldA, s.BoldB);
        }

        var (mean, std) = Standardize(features, n);
        var weight = options.Reweight ? PairWeights(a, b, names.Count, options.MinPairCount) : Ones(n);
        return new StyleDesign([.. names], a, b, score, weight, features, mean, std);

        int Compact(int model)
        {
            if (compact[model] < 0)
            {
                compact[model] = names.Count;
                names.Add(votes.Models[model]);
            }

            return compact[model];
        }
    }

    /// <summary>FastChat's relative style difference: +1 in the denominator keeps two empty answers at 0.</summary>
    private static double RelativeDifference(int a, int b) => (double)(a - b) / (a + b + 1.0);

    private static void RequireStyleOnEveryVote(VoteTable votes, ReadOnlySpan<int> selected)
    {
        var style = votes.Style;
        var missing = 0;
        var lines = new StringBuilder();
        foreach (var i in selected)
        {
            if (!style[i].IsKnown)
            {
                if (missing < 5)
                {
                    lines.Append(missing == 0 ? "" : ", ").Append(votes.SourceLines[i].ToString(CultureInfo.InvariantCulture));
                }

                missing++;
            }
        }

        if (missing > 0)
        {
            throw new ArgumentException(
                $"{missing} of the {selected.Length} selected votes have no style metadata (source lines {lines}{(missing > 5 ? ", …" : "")}); style control needs it on every vote, so filter those votes out first.",
                nameof(selected));
        }
    }

    /// <summary>Z-scores each feature column in place (population std; a constant column is only centred).</summary>
    private static (double[] Mean, double[] Std) Standardize(double[] features, int n)
    {
        var mean = new double[FeatureCount];
        var std = new double[FeatureCount];
        for (var k = 0; k < FeatureCount; k++)
        {
            var sum = 0.0;
            for (var r = 0; r < n; r++)
            {
                sum += features[r * FeatureCount + k];
            }

            mean[k] = sum / n;
            var squares = 0.0;
            for (var r = 0; r < n; r++)
            {
                var d = features[r * FeatureCount + k] - mean[k];
                squares += d * d;
            }

            var sd = Math.Sqrt(squares / n);
            std[k] = sd > 0 ? sd : 1.0;
            for (var r = 0; r < n; r++)
            {
                features[r * FeatureCount + k] = (features[r * FeatureCount + k] - mean[k]) / std[k];
            }
        }

        return (mean, std);
    }

    /// <summary>arena-rank's inverse-propensity weights: 1 / max(votes of the unordered pair, floor), normalised to mean 1.</summary>
    private static double[] PairWeights(int[] a, int[] b, int m, double minPairCount)
    {
        var pairVotes = new int[m * m];
        for (var r = 0; r < a.Length; r++)
        {
            pairVotes[Pair(a[r], b[r], m)]++;
        }

        var weight = new double[a.Length];
        var sum = 0.0;
        for (var r = 0; r < a.Length; r++)
        {
            weight[r] = 1.0 / Math.Max(pairVotes[Pair(a[r], b[r], m)], minPairCount);
            sum += weight[r];
        }

        var scale = a.Length / sum;
        for (var r = 0; r < weight.Length; r++)
        {
            weight[r] *= scale;
        }

        return weight;
    }

    private static int Pair(int a, int b, int m) => a < b ? a * m + b : b * m + a;

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}

using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Ratings.StyleControl;

/// <summary>
/// Simulated votes from a known contextual Bradley–Terry model. Style counts are drawn per vote, with answer
/// length depending on the model (so ignoring style would bias the ratings); the outcome is drawn from
/// <c>σ(r_A − r_B + Σ γₖ·zₖ)</c>, where zₖ is the feature <c>(A − B)/(A + B + 1)</c> z-scored over the simulated
/// votes (population std) — computed here from the spec, independently of the code under test.
/// </summary>
internal sealed class StyleSimulation
{
    public static readonly double[] DefaultRatings = [0.9, 0.45, 0.1, -0.15, -0.5, -0.8];

    private StyleSimulation(VoteTable votes, double[] ratings, double[] gamma, double[][] z)
    {
        Votes = votes;
        TrueRatings = ratings;
        TrueGamma = gamma;
        Z = z;
    }

    public VoteTable Votes { get; }

    /// <summary>True ratings in natural units, centred to sum zero (the fit's gauge), by model name "m0", "m1", ….</summary>
    public double[] TrueRatings { get; }

    public double[] TrueGamma { get; }

    /// <summary>The z-scored features of each vote, as the simulation used them.</summary>
    public double[][] Z { get; }

    public int[] All => [.. Enumerable.Range(0, Votes.Count)];

    public static StyleSimulation Run(int seed, double[] gamma, int voteCount = 3000, double[]? ratings = null, bool boldAlwaysZero = false)
    {
        ratings = Centred(ratings ?? DefaultRatings);
        var m = ratings.Length;
        var random = new Random(seed);
        var pairs = new (int A, int B)[voteCount];
        var counts = new StyleCounts[voteCount];
        for (var i = 0; i < voteCount; i++)
        {
            var a = random.Next(m);
            var b = (a + 1 + random.Next(m - 1)) % m;
            pairs[i] = (a, b);
            counts[i] = new StyleCounts(
                Tokens(random, a, m),
                Tokens(random, b, m),
                random.Next(0, 7),
                random.Next(0, 7),
                random.Next(0, 12),
                random.Next(0, 12),
                boldAlwaysZero ? 0 : random.Next(0, 9),
                boldAlwaysZero ? 0 : random.Next(0, 9));
        }

        var raw = counts.Select(c => new[]
        {
            Relative(c.TokensA, c.TokensB), Relative(c.HeadersA, c.HeadersB), Relative(c.ListsA, c.ListsB), Relative(c.BoldA, c.BoldB),
        }).ToArray();
        var z = ZScore(raw);

        var builder = new VoteTableBuilder();
        var ids = Enumerable.Range(0, m).Select(j => builder.Models.GetOrAdd($"m{j}")).ToArray();
        for (var i = 0; i < voteCount; i++)
        {
            var (a, b) = pairs[i];
            var logit = ratings[a] - ratings[b];
            for (var k = 0; k < 4; k++)
            {
                logit += gamma[k] * z[i][k];
            }

            var aWins = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-logit));
            var row = new VoteRow
            {
                ModelA = ids[a],
                ModelB = ids[b],
                Winner = aWins ? Winner.ModelA : Winner.ModelB,
                Style = counts[i],
                SourceLine = i + 2,
            };
            builder.Add(row);
        }

        return new StyleSimulation(builder.Build(), ratings, gamma, z);
    }

    /// <summary>The spec's relative difference (A − B)/(A + B + 1).</summary>
    public static double Relative(int a, int b) => (a - b) / (a + b + 1.0);

    private static int Tokens(Random random, int model, int m) =>
        (int)(200 + (800.0 * model / (m - 1)) + random.Next(0, 600)); // later models are wordier

    private static double[] Centred(double[] ratings)
    {
        var mean = ratings.Average();
        return [.. ratings.Select(r => r - mean)];
    }

    private static double[][] ZScore(double[][] raw)
    {
        var n = raw.Length;
        var z = raw.Select(r => (double[])r.Clone()).ToArray();
        for (var k = 0; k < 4; k++)
        {
            var mean = raw.Average(r => r[k]);
            var sd = Math.Sqrt(raw.Average(r => (r[k] - mean) * (r[k] - mean)));
            for (var i = 0; i < n; i++)
            {
                z[i][k] = (raw[i][k] - mean) / (sd > 0 ? sd : 1.0);
            }
        }

        return z;
    }
}

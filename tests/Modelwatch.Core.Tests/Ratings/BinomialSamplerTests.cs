using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class BinomialSamplerTests
{
    /// <summary>
    /// Sample mean and variance against n·p and n·p·(1−p), for parameters that exercise inversion (mean &lt; 11),
    /// BTRD (mean ≥ 11) and the p &gt; ½ reflection. Bounds are 5 standard errors: a correct sampler fails this about
    /// once in 3 million runs (fixed seeds make it deterministic anyway); a biased one fails at once.
    /// </summary>
    [Theory]
    [InlineData(20L, 0.1)]
    [InlineData(1_000_000L, 3e-6)]
    [InlineData(200L, 0.3)]
    [InlineData(1_500_000L, 4e-5)]
    [InlineData(1_500_000L, 0.01)]
    [InlineData(60L, 0.85)]
    [InlineData(1000L, 0.5)]
    public void Sample_mean_and_variance_match_the_binomial(long n, double p)
    {
        const int draws = 200_000;
        var rng = new Xoshiro256StarStar(12345, n);
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < draws; i++)
        {
            double x = BinomialSampler.Sample(rng, n, p);
            Assert.InRange(x, 0, n);
            sum += x;
            sumSquares += x * x;
        }

        var mean = n * p;
        var variance = n * p * (1 - p);
        var sampleMean = sum / draws;
        var sampleVariance = (sumSquares - (draws * sampleMean * sampleMean)) / (draws - 1);
        Assert.True(Math.Abs(sampleMean - mean) < 5 * Math.Sqrt(variance / draws), $"mean {sampleMean} vs {mean}");
        // Var of the sample variance ≈ (μ4 − σ⁴)/draws with μ4 = σ²(1 + 3(n − 2)σ²/n)… bounded here by 3σ⁴ + σ².
        var varianceError = Math.Sqrt(((3 * variance * variance) + variance) / draws);
        Assert.True(Math.Abs(sampleVariance - variance) < 5 * varianceError, $"variance {sampleVariance} vs {variance}");
    }

    /// <summary>
    /// The whole distribution, not just two moments: a chi-square goodness-of-fit test against the exact pmf on
    /// cells with an expected count of at least 20. The critical value is the 99.99th percentile of chi-square,
    /// approximated by Wilson–Hilferty.
    /// </summary>
    [Theory]
    [InlineData(1_000_000L, 4e-5)] // BTRD, mean 40
    [InlineData(500L, 0.3)] // BTRD, mean 150
    [InlineData(1_000_000L, 6e-6)] // inversion, mean 6
    [InlineData(40L, 0.9)] // reflection into inversion
    public void Draws_follow_the_exact_binomial_distribution(long n, double p)
    {
        const int draws = 300_000;
        var rng = new Xoshiro256StarStar(777, n);
        var observed = new Dictionary<long, int>();
        for (var i = 0; i < draws; i++)
        {
            var x = BinomialSampler.Sample(rng, n, p);
            observed[x] = observed.GetValueOrDefault(x) + 1;
        }

        // Cells: single values where the expected count is ≥ 20, the two tails pooled.
        var mode = (long)Math.Floor((n + 1) * p);
        var chiSquare = 0.0;
        var cells = 0;
        var covered = 0.0;
        var observedCovered = 0;
        for (var k = 0L; k <= n; k++)
        {
            var expected = draws * Math.Exp(LogPmf(n, p, k));
            if (expected < 20)
            {
                if (k > mode)
                {
                    break;
                }

                continue;
            }

            var o = observed.GetValueOrDefault(k);
            chiSquare += (o - expected) * (o - expected) / expected;
            covered += expected;
            observedCovered += o;
            cells++;
        }

        var rest = draws - covered;
        chiSquare += (draws - observedCovered - rest) * (draws - observedCovered - rest) / rest;
        var degrees = cells; // cells + 1 pooled tail − 1
        var z = 3.719; // 99.99th normal percentile
        var critical = degrees * Math.Pow(1 - (2.0 / (9 * degrees)) + (z * Math.Sqrt(2.0 / (9 * degrees))), 3);
        Assert.True(chiSquare < critical, $"chi-square {chiSquare:F1} on {degrees} degrees of freedom exceeds {critical:F1}");
    }

    [Fact]
    public void Degenerate_parameters_return_the_obvious_value()
    {
        var rng = new Xoshiro256StarStar(1, 1);
        Assert.Equal(0, BinomialSampler.Sample(rng, 0, 0.5));
        Assert.Equal(0, BinomialSampler.Sample(rng, 100, 0));
        Assert.Equal(100, BinomialSampler.Sample(rng, 100, 1));
    }

    [Fact]
    public void Stirling_corrections_match_log_factorials()
    {
        for (var k = 0; k < 40; k++)
        {
            var logFactorial = 0.0;
            for (var i = 2; i <= k; i++)
            {
                logFactorial += Math.Log(i);
            }

            var expected = logFactorial - (((k + 0.5) * Math.Log(k + 1)) - (k + 1) + (0.5 * Math.Log(2 * Math.PI)));
            Assert.Equal(expected, BinomialSampler.StirlingCorrection(k), 1e-10);
        }
    }

    [Fact]
    public void Multinomial_resampling_keeps_the_total_and_the_row_means()
    {
        double[] counts = [500, 3, 0, 120, 40, 1, 7000, 90];
        var total = (long)counts.Sum();
        var sampler = new MultinomialSampler(counts, total);
        var sums = new double[counts.Length];
        var draw = new double[counts.Length];
        const int rounds = 20_000;
        for (var r = 0; r < rounds; r++)
        {
            sampler.Sample(new Xoshiro256StarStar(5, r), draw);
            Assert.Equal(total, draw.Sum());
            Assert.Equal(0, draw[2]);
            for (var i = 0; i < counts.Length; i++)
            {
                sums[i] += draw[i];
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var p = counts[i] / total;
            var standardError = Math.Sqrt(total * p * (1 - p) / rounds);
            Assert.True(Math.Abs((sums[i] / rounds) - counts[i]) <= (5 * standardError) + 1e-12, $"row {i}: mean {sums[i] / rounds} vs {counts[i]}");
        }
    }

    private static double LogPmf(long n, double p, long k) =>
        LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));

    /// <summary>ln n! by Stirling's series with four correction terms (exact to ~1e-15 for n ≥ 10), by sum below.</summary>
    private static double LogFactorial(long n)
    {
        if (n < 10)
        {
            var sum = 0.0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x)) + (1 / (1260 * Math.Pow(x, 5)));
    }
}

using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.995, 2.5758293035489)]
    [InlineData(0.9, 1.2815515655446008)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.3, -0.5244005127080407)]
    [InlineData(0.02425, -1.9729610513118845)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.999999999999, 7.0344869100478356)]
    public void Quantiles_match_reference_values(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), Math.Abs(expected) * 1e-14);
    }

    [Fact]
    public void The_95_percent_critical_value_is_1_959964()
    {
        Assert.Equal(1.959964, NormalDistribution.TwoSidedCriticalValue(0.95), 1e-6);
        Assert.Equal(0, NormalDistribution.Quantile(0.5));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Probabilities_outside_the_open_interval_are_refused(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(p));
    }
}

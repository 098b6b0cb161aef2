using Modelwatch.Core.Ratings.StyleControl;

namespace Modelwatch.Core.Tests.Ratings.StyleControl;

public class NormalQuantileTests
{
    // Reference values: scipy.stats.norm.ppf.
    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.005, -2.5758293035489004)]
    [InlineData(0.9999, 3.719016485455709)]
    [InlineData(0.16, -0.994457883209753)]
    public void Quantiles_match_reference_values(double probability, double expected) =>
        Assert.Equal(expected, NormalQuantile.Of(probability), 1e-8);
}

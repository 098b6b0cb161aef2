using Modelwatch.Core.Advisor;

namespace Modelwatch.Core.Tests.Advisor;

public sealed class AdvisorPricingTests
{
    [Theory]
    [InlineData(1.0, 5.0, 2.0)]
    [InlineData(3.0, 15.0, 6.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(2.5, 10.0, 4.375)]
    public void The_blend_is_three_parts_input_to_one_part_output(double input, double output, double expected)
    {
        Assert.Equal((decimal)expected, AdvisorPricing.Blended((decimal)input, (decimal)output));
    }

    [Fact]
    public void Without_both_prices_there_is_no_blend()
    {
        Assert.Null(AdvisorPricing.Blended(1m, null));
        Assert.Null(AdvisorPricing.Blended(null, 1m));
    }

    [Fact]
    public void The_monthly_cost_is_each_volume_at_its_price()
    {
        // 5M input at $3 = $15, 1M output at $15 = $15.
        Assert.Equal(30m, AdvisorPricing.Monthly(3m, 15m, new MonthlyBudget(100m, 5_000_000, 1_000_000)));
        Assert.Equal(0.3m, AdvisorPricing.Monthly(3m, 15m, new MonthlyBudget(100m, 100_000, 0)));
    }

    [Fact]
    public void A_price_the_volume_does_not_need_may_be_unknown_but_one_it_needs_may_not()
    {
        Assert.Equal(15m, AdvisorPricing.Monthly(3m, null, new MonthlyBudget(100m, 5_000_000, 0)));
        Assert.Null(AdvisorPricing.Monthly(3m, null, new MonthlyBudget(100m, 5_000_000, 1)));
        Assert.Null(AdvisorPricing.Monthly(null, 15m, new MonthlyBudget(100m, 1, 0)));
    }
}

using Modelwatch.Core.Evals;

namespace Modelwatch.Core.Tests.Evals;

public sealed class EvalCostTests
{
    [Fact]
    public void Tokens_times_price_per_million_kept_to_ten_places()
    {
        // 7 · 1.50 + 4 · 6 = 34.5 per million tokens.
        Assert.Equal(0.0000345m, EvalCost.Of(7, 4, 1.5m, 6m));
        Assert.Equal(0m, EvalCost.Of(0, 0, 3m, 15m));
        Assert.Equal(0.0000000001m, EvalCost.Of(1, 0, 0.0001m, 1m));
    }

    [Fact]
    public void An_unknown_price_or_token_count_is_an_unknown_cost_not_zero()
    {
        Assert.Null(EvalCost.Of(7, 4, null, 6m));
        Assert.Null(EvalCost.Of(7, null, 1m, 6m));
    }

    [Fact]
    public void Tags_are_trimmed_lower_case_once_each()
    {
        Assert.Equal(["coding", "sql", "korean"], PromptRecord.NormaliseTags([" Coding ", "coding", "", null, "SQL", "korean", "KOREAN"]));
    }
}

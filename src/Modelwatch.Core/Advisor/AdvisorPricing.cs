namespace Modelwatch.Core.Advisor;

/// <summary>Prices as the advisor compares them.</summary>
public static class AdvisorPricing
{
    /// <summary>Tokens per million, the unit prices are quoted in.</summary>
    private const decimal Million = 1_000_000m;

    /// <summary>
    /// One price per million tokens from an input and an output price: 3 parts input to 1 part output, the blend
    /// Artificial Analysis uses for its price charts (typical chat traffic reads more than it writes)
    /// — https://artificialanalysis.ai/methodology. Null unless both prices are known.
    /// </summary>
    /// <param name="input">USD per million input tokens.</param>
    /// <param name="output">USD per million output tokens.</param>
    public static decimal? Blended(decimal? input, decimal? output) =>
        input is { } i && output is { } o ? ((3m * i) + o) / 4m : null;

    /// <summary>
    /// What <paramref name="budget"/>'s monthly volume costs at these prices; null when a price the volume needs is
    /// unknown (a price for a direction with no tokens is not needed).
    /// </summary>
    /// <param name="input">USD per million input tokens.</param>
    /// <param name="output">USD per million output tokens.</param>
    /// <param name="budget">The stated monthly volume.</param>
    public static decimal? Monthly(decimal? input, decimal? output, MonthlyBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        decimal total = 0m;
        if (budget.InputTokens > 0)
        {
            if (input is not { } i)
            {
                return null;
            }

            total += i * budget.InputTokens / Million;
        }

        if (budget.OutputTokens > 0)
        {
            if (output is not { } o)
            {
                return null;
            }

            total += o * budget.OutputTokens / Million;
        }

        return total;
    }
}

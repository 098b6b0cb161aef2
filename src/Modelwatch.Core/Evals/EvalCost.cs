namespace Modelwatch.Core.Evals;

/// <summary>What one request cost: tokens × USD per million tokens, rounded to the ten decimal places the database keeps
/// (a micro-dollar would round a cheap model's answer by a few per cent).</summary>
public static class EvalCost
{
    /// <summary>Decimal places kept.</summary>
    public const int Scale = 10;

    /// <summary>Null when a token count or a price is unknown (an unknown cost is not zero).</summary>
    public static decimal? Of(int? inputTokens, int? outputTokens, decimal? inputPerMillion, decimal? outputPerMillion)
    {
        if (inputTokens is not { } i || outputTokens is not { } o || inputPerMillion is not { } pi || outputPerMillion is not { } po)
        {
            return null;
        }

        return Math.Round(((i * pi) + (o * po)) / 1_000_000m, Scale, MidpointRounding.AwayFromZero);
    }
}

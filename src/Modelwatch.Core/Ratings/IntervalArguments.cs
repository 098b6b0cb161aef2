namespace Modelwatch.Core.Ratings;

/// <summary>The checks every interval method makes before it trusts a fit with its counts.</summary>
internal static class IntervalArguments
{
    /// <summary>The options to use (the fit's when none are given), after checking they and the counts match the fit.</summary>
    public static BradleyTerryOptions Check(PairwiseCounts counts, BradleyTerryFit fit, BradleyTerryOptions? options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(fit);
        options ??= fit.Options;
        options.Validate();
        options.EnsureCompatibleWith(fit.Options);
        if (fit.ModelCount != counts.ModelCount)
        {
            throw new ArgumentException($"The fit has {fit.ModelCount} models but the counts have {counts.ModelCount}.", nameof(fit));
        }

        return options;
    }
}

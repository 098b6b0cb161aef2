namespace Modelwatch.Core.Advisor;

/// <summary>A hard constraint a model breaks (or cannot be shown to meet), named as the request names it.</summary>
/// <param name="Constraint">The constraint (<c>self-host</c>, <c>commercial</c>, <c>context</c>, <c>input-modality</c>,
/// <c>output-modality</c>, <c>tool-calling</c>, <c>price</c>, <c>monthly-budget</c>, <c>latency</c>, <c>quality</c> for no rating).</param>
/// <param name="Detail">What the catalog says, or that it does not know (<c>context 32,768 &lt; 128,000</c>, <c>licence unknown</c>).</param>
public sealed record ConstraintViolation(string Constraint, string Detail);

/// <summary>A model left out, with every constraint it fails.</summary>
public sealed record ExcludedModel(string ModelId, string Name, IReadOnlyList<ConstraintViolation> Violations);

/// <summary>What a pick gives up compared with the best eligible model on one axis.</summary>
public enum TradeOffKind
{
    /// <summary><see cref="TradeOff.Amount"/> rating points below <see cref="TradeOff.ComparedWith"/> (the best rated).</summary>
    LowerQuality,

    /// <summary><see cref="TradeOff.Amount"/> times the blended price of <see cref="TradeOff.ComparedWith"/> (the cheapest).</summary>
    HigherPrice,

    /// <summary>A context window <see cref="TradeOff.Amount"/> tokens, smaller than <see cref="TradeOff.ComparedWith"/>'s.</summary>
    SmallerContext,

    /// <summary>Median tokens per second <see cref="TradeOff.Amount"/>, below <see cref="TradeOff.ComparedWith"/>'s.</summary>
    Slower,

    /// <summary>No downloadable weights: cannot be self-hosted or fine-tuned.</summary>
    NotSelfHostable,

    /// <summary>No tool calling (or unknown).</summary>
    NoToolCalling,

    /// <summary>No price in the catalog: cost cannot be compared.</summary>
    UnknownPrice,

    /// <summary>Not measured by this instance: speed cannot be compared.</summary>
    UnknownSpeed,
}

/// <summary>One thing a pick trades away.</summary>
public sealed record TradeOff(TradeOffKind Kind, double? Amount = null, string? ComparedWith = null);

/// <summary>Another eligible model worth a look beside a pick: cheaper for a little less, or better for more.</summary>
/// <param name="ModelId">The catalog id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Rating">Its category rating.</param>
/// <param name="PricePerMillion">Its blended price.</param>
public sealed record AdvisorAlternative(string ModelId, string Name, double Rating, decimal? PricePerMillion);

/// <summary>
/// One model of the short list.
/// </summary>
/// <param name="Position">1 + the number of eligible models clearly ahead of it (their score's low end above this one's
/// high end); picks with the same position are tied and must be shown as tied.</param>
/// <param name="TiedWith">Model ids of the other picks whose score intervals overlap this one's.</param>
/// <param name="Candidate">The model with its evidence rows.</param>
/// <param name="Score">Weighted score in [0, 1] at the rating's point estimate.</param>
/// <param name="ScoreLow">Score with the rating at its lower bound.</param>
/// <param name="ScoreHigh">Score with the rating at its upper bound.</param>
/// <param name="PricePerMillion">Blended USD per million tokens, when priced.</param>
/// <param name="MonthlyCost">Cost at the request's monthly volume, when one is stated and the model is priced.</param>
/// <param name="TradeOffs">What it gives up.</param>
/// <param name="Cheaper">The best-rated eligible model that costs less, if any.</param>
/// <param name="MoreCapable">The cheapest eligible model rated clearly higher (intervals apart), if any.</param>
public sealed record AdvisorPick(
    int Position,
    IReadOnlyList<string> TiedWith,
    AdvisorCandidate Candidate,
    double Score,
    double ScoreLow,
    double ScoreHigh,
    decimal? PricePerMillion,
    decimal? MonthlyCost,
    IReadOnlyList<TradeOff> TradeOffs,
    AdvisorAlternative? Cheaper,
    AdvisorAlternative? MoreCapable)
{
    public bool Tied => TiedWith.Count > 0;
}

/// <summary>A point of the quality-against-price plot: every eligible model with a rating and a price.</summary>
public sealed record AdvisorPoint(string ModelId, string Name, double Rating, double Lower, double Upper, decimal PricePerMillion, bool OnParetoFront, bool Picked);

/// <summary>The advisor's answer: the short list, the plot, what was left out and why.</summary>
/// <param name="Request">The question.</param>
/// <param name="Category">The board category the ratings come from.</param>
/// <param name="RatingSource">Which board: <c>dataset:&lt;name&gt;</c> or <c>lmarena &lt;date&gt;</c>.</param>
/// <param name="Benchmarks">The benchmarks shown for this use case (names as the catalog stores them).</param>
/// <param name="Picks">The ranked short list.</param>
/// <param name="Plot">Eligible rated and priced models.</param>
/// <param name="Excluded">Models that break a hard constraint, with the reasons.</param>
/// <param name="Eligible">How many models met every constraint.</param>
/// <param name="Notes">What the reader should know (a category missing from the dataset, a fallback taken).</param>
public sealed record AdvisorResult(
    AdvisorRequest Request,
    string Category,
    string RatingSource,
    IReadOnlyList<string> Benchmarks,
    IReadOnlyList<AdvisorPick> Picks,
    IReadOnlyList<AdvisorPoint> Plot,
    IReadOnlyList<ExcludedModel> Excluded,
    int Eligible,
    IReadOnlyList<string> Notes);

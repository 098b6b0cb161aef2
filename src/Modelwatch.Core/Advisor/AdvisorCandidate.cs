using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Advisor;

/// <summary>A category rating with its 95% interval: the quality evidence for a model.</summary>
/// <param name="Source">Where it comes from: <c>dataset:&lt;name&gt;</c> (fitted here) or <c>lmarena</c> (published).</param>
/// <param name="Category">The board's category (<c>coding</c>, <c>hard_6</c>, <c>korean</c>).</param>
/// <param name="RatedName">The name the board rates (an arena key such as <c>gpt-4o-2024-11-20</c>).</param>
/// <param name="Rating">Bradley–Terry rating on the Elo scale.</param>
/// <param name="Lower">95% lower bound.</param>
/// <param name="Upper">95% upper bound.</param>
/// <param name="Votes">Votes behind the rating, when known.</param>
/// <param name="AsOf">The board's date (publish date, or the dataset's import date).</param>
public sealed record QualityEvidence(string Source, string Category, string RatedName, double Rating, double Lower, double Upper, int? Votes, DateOnly? AsOf);

/// <summary>A benchmark score as the catalog stores it, with its source and date.</summary>
public sealed record BenchmarkEvidence(string Benchmark, double Score, string? Metric, string Source, DateOnly? AsOf, string? Url, bool? SelfReported);

/// <summary>Speed measured by this instance (arena battles and evaluation runs), medians over <paramref name="Samples"/> answers.</summary>
public sealed record SpeedEvidence(double? MedianTimeToFirstTokenSeconds, double? MedianTokensPerSecond, int Samples);

/// <summary>
/// One catalog model as the advisor sees it: its facts (null or empty where the catalog does not know), its current
/// price and the evidence for the use case.
/// </summary>
public sealed record AdvisorCandidate
{
    public required string ModelId { get; init; }

    public required string Name { get; init; }

    public string? Organisation { get; init; }

    public LicenceClass Licence { get; init; }

    /// <summary>SPDX id or the licence's own name (<c>llama3.1</c>, <c>gemma</c>, <c>mrl</c>).</summary>
    public string? LicenceId { get; init; }

    public int? ContextWindow { get; init; }

    /// <summary>Lower-case modalities; empty when unknown (text is assumed only when a source says so).</summary>
    public IReadOnlyList<string> InputModalities { get; init; } = [];

    public IReadOnlyList<string> OutputModalities { get; init; } = [];

    public bool? ToolCalling { get; init; }

    /// <summary>USD per million input tokens at <see cref="PriceProvider"/>; null when no offering is priced.</summary>
    public decimal? InputPerMillion { get; init; }

    public decimal? OutputPerMillion { get; init; }

    /// <summary>Whose price: the lab's own offering when there is one, else the cheapest.</summary>
    public string? PriceProvider { get; init; }

    /// <summary>The category rating for the use case; null when no board rates the model.</summary>
    public QualityEvidence? Quality { get; init; }

    public IReadOnlyList<BenchmarkEvidence> Benchmarks { get; init; } = [];

    public SpeedEvidence? Speed { get; init; }
}

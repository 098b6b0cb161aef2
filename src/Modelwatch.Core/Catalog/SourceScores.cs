namespace Modelwatch.Core.Catalog;

/// <summary>A benchmark result as a source reports it.</summary>
/// <param name="ModelRef">The source's model id, resolved by identity matching.</param>
/// <param name="Benchmark">The benchmark's name as published (<c>SWE-Bench Verified</c>, <c>aider-polyglot</c>).</param>
/// <param name="Score">The score in the benchmark's own unit (see <see cref="Metric"/>).</param>
public sealed record SourceBenchmarkScore(string ModelRef, string Benchmark, double Score)
{
    public string? CanonicalId { get; init; }

    /// <summary>The setting the score was measured at (<c>high</c>, <c>diff</c> edit format, …), if any.</summary>
    public string? Variant { get; init; }

    public string? Metric { get; init; }

    public string? SourceUrl { get; init; }

    /// <summary>True when the lab reported it about its own model; null when the source does not say.</summary>
    public bool? SelfReported { get; init; }

    public DateOnly? AsOf { get; init; }
}

/// <summary>One row of a published leaderboard (LMArena, Arena-Hard-Auto): ratings drift, so each is stored per board, category and date.</summary>
public sealed record SourceLeaderboardEntry(string Board, string Category, DateOnly PublishedOn, string ModelRef, double Rating)
{
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public int? Votes { get; init; }

    public int? Rank { get; init; }
}

/// <summary>A record a source could not turn into facts: where it is and what was wrong. The import goes on.</summary>
/// <param name="Location">File and line, JSON path or key (<c>providers/openai/models/gpt-5.toml</c>, <c>$["gpt-4o"].input_cost_per_token</c>).</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record RecordProblem(string Location, string Message);

namespace Modelwatch.Data.Catalog;

/// <summary>A benchmark score with its source link, self-reported flag and date.</summary>
public sealed class BenchmarkScoreRow
{
    public long Id { get; set; }

    public required string Source { get; set; }

    /// <summary>The source's id for the model.</summary>
    public required string ExternalId { get; set; }

    public string? ModelId { get; set; }

    /// <summary>
    /// The benchmark's setting of the model (<c>high</c>, <c>thinking-32k</c>); <c>""</c> when there is none, never
    /// null: it is part of the unique key, and SQLite and PostgreSQL both treat NULLs in a unique index as distinct,
    /// so a null would let the same score be stored twice.
    /// </summary>
    public string Variant { get; set; } = "";

    public required string Benchmark { get; set; }

    public double Score { get; set; }

    public string? Metric { get; set; }

    public string? SourceUrl { get; set; }

    public bool? SelfReported { get; set; }

    public DateOnly? AsOf { get; set; }

    public long ImportRunId { get; set; }
}

/// <summary>A published leaderboard row, kept per board, category and publish date because ratings drift.</summary>
public sealed class PublishedRatingRow
{
    public long Id { get; set; }

    public required string Source { get; set; }

    public required string Board { get; set; }

    public required string Category { get; set; }

    public DateOnly PublishedOn { get; set; }

    /// <summary>The board's own key for the model (arena key).</summary>
    public required string ExternalId { get; set; }

    public string? ModelId { get; set; }

    public string? Variant { get; set; }

    public double Rating { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }

    public int? Votes { get; set; }

    public int? Rank { get; set; }

    public long ImportRunId { get; set; }
}

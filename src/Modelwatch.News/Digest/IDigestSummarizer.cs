using Modelwatch.Core.News.Digest;

namespace Modelwatch.News.Digest;

/// <summary>Writes a plan's story summaries and recap: TextRank offline, or a configured model.</summary>
public interface IDigestSummarizer
{
    /// <summary>"TextRank (extractive)" or <c>provider/model</c>.</summary>
    string Name { get; }

    Task<DigestSummaries> SummarizeAsync(DigestPlan plan, DigestOptions options, CancellationToken cancellationToken);
}

/// <summary>TextRank: no model, no network; items stay in their own language.</summary>
public sealed class ExtractiveSummarizer : IDigestSummarizer
{
    public static ExtractiveSummarizer Instance { get; } = new();

    public string Name => ExtractiveDigestSummarizer.Name;

    public Task<DigestSummaries> SummarizeAsync(DigestPlan plan, DigestOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ExtractiveDigestSummarizer.Summarize(plan, options));
}

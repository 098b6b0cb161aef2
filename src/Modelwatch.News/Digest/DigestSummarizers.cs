using Modelwatch.Providers;

namespace Modelwatch.News.Digest;

/// <summary>Picks the summariser: the configured model when its provider is known, else TextRank (and says why).</summary>
public static class DigestSummarizers
{
    /// <summary>The summariser for <paramref name="options"/>; <paramref name="problem"/> says why TextRank was chosen despite a setting.</summary>
    public static IDigestSummarizer Choose(SummarizerOptions options, ProviderRegistry? registry, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        problem = null;
        if (!options.IsSet)
        {
            return ExtractiveSummarizer.Instance;
        }

        var client = registry?.GetChatClient(options.Provider!, options.Model!);
        if (client is null)
        {
            problem = $"{SummarizerOptions.Section}: the provider '{options.Provider}' is not configured (or lacks its URL or key); TextRank summarised this digest.";
            return ExtractiveSummarizer.Instance;
        }

        return new ModelDigestSummarizer(client, $"{options.Provider}/{options.Model}", options);
    }
}

using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Which sources may create a canonical model when nothing matches. Sources that describe models (models.dev,
/// LLMStats, OpenRouter, LMArena) may; sources that only price or score call strings (LiteLLM, genai-prices, Aider)
/// only link, and an id of theirs that matches nothing is kept as an unmatched alias.
/// </summary>
public static class SourceRoles
{
    private static readonly HashSet<string> Creating = new(StringComparer.Ordinal)
    {
        CatalogSources.ModelsDev, CatalogSources.LlmStats, CatalogSources.OpenRouter, CatalogSources.LmArena, CatalogSources.Overrides,
    };

    public static bool MayCreateModels(string source) => Creating.Contains(source);
}

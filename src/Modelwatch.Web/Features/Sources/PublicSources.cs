using Modelwatch.Core.Catalog;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// Where each catalog source publishes its data, for the getting-started panel's one-click imports. A source whose
/// importer reads something other than one downloadable file (LMArena's board with its maps, LLMStats' tree) has
/// <see cref="PublicSource.ImportUrl"/> null and is linked for reading only.
/// </summary>
public static class PublicSources
{
    public static IReadOnlyList<PublicSource> All { get; } =
    [
        new(CatalogSources.ModelsDev, "https://models.dev/api.json", "https://models.dev/api.json"),
        new(CatalogSources.LiteLlm, "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json", "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"),
        new(CatalogSources.OpenRouter, "https://openrouter.ai/api/v1/models", "https://openrouter.ai/api/v1/models"),
        new(CatalogSources.GenAiPrices, "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json", "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json"),
        new(CatalogSources.Aider, "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml", "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml"),
        new(CatalogSources.LmArena, "https://lmarena.ai/leaderboard", null),
    ];
}

/// <summary>A catalog source's public home.</summary>
/// <param name="Source">One of <see cref="CatalogSources"/>.</param>
/// <param name="Url">Where people can see it.</param>
/// <param name="ImportUrl">The file the importer reads, when it is one download; null otherwise.</param>
public sealed record PublicSource(string Source, string Url, string? ImportUrl);

namespace Modelwatch.Core.Catalog;

/// <summary>The names of the catalog sources, as stored on every fact and alias and typed on the command line.</summary>
public static class CatalogSources
{
    /// <summary>models.dev: the TOML tree (directory or tarball) or its generated <c>api.json</c>.</summary>
    public const string ModelsDev = "models.dev";

    /// <summary>LiteLLM's <c>model_prices_and_context_window.json</c>.</summary>
    public const string LiteLlm = "litellm";

    /// <summary>OpenRouter's <c>/api/v1/models</c>.</summary>
    public const string OpenRouter = "openrouter";

    /// <summary>pydantic's genai-prices <c>data.json</c>.</summary>
    public const string GenAiPrices = "genai-prices";

    /// <summary>LMArena's published leaderboard JSON with its organisation/licence map.</summary>
    public const string LmArena = "lmarena";

    /// <summary>Aider's polyglot leaderboard YAML.</summary>
    public const string Aider = "aider";

    /// <summary>LLMStats' JSON tree.</summary>
    public const string LlmStats = "llmstats";

    /// <summary>The hand-kept overrides file in the repository.</summary>
    public const string Overrides = "overrides";

    /// <summary>Every importable source, in the order an import of everything runs them (canonical models first).</summary>
    public static IReadOnlyList<string> All { get; } = [ModelsDev, LlmStats, OpenRouter, LmArena, GenAiPrices, LiteLlm, Aider];
}

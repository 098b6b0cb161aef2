namespace Modelwatch.Core.Catalog;

/// <summary>
/// A provider's way to call a model: its own id, limits and prices. <paramref name="ModelRef"/> is what identity
/// matching resolves (a <c>base_model</c>, an OpenRouter slug, a LiteLLM call string); an offering whose model
/// cannot be resolved is still stored, so its price is never silently missing.
/// </summary>
/// <param name="Provider">The provider's slug (<c>openai</c>, <c>amazon-bedrock</c>, <c>openrouter</c>).</param>
/// <param name="ProviderModelId">The id to call the model by at that provider.</param>
/// <param name="ModelRef">The external model id to resolve; often equal to <paramref name="ProviderModelId"/>.</param>
public sealed record SourceOffering(string Provider, string ProviderModelId, string ModelRef)
{
    /// <summary>The canonical model id when the source states it (models.dev <c>base_model</c>).</summary>
    public string? CanonicalId { get; init; }

    /// <summary>The variant this offering serves, when the source states it.</summary>
    public string? Variant { get; init; }

    public int? ContextWindow { get; init; }

    public int? MaxInputTokens { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>chat, embedding, image_generation, … (LiteLLM's <c>mode</c>); null means chat/completion.</summary>
    public string? Mode { get; init; }

    /// <summary>
    /// The reasoning-effort values the provider accepts for this model (models.dev <c>reasoning_options</c> of type
    /// <c>effort</c>: <c>minimal</c>, <c>low</c>, <c>high</c>, …), in the source's order; each can name a variant.
    /// </summary>
    public IReadOnlyList<string> ReasoningEfforts { get; init; } = [];

    /// <summary>
    /// Prices over time, oldest first. A source with only today's prices gives one period with
    /// <see cref="PricePeriod.EffectiveFrom"/> null (the store uses the import date); genai-prices gives its dated periods.
    /// </summary>
    public IReadOnlyList<PricePeriod> Prices { get; init; } = [];
}

/// <summary>Prices from a date on; USD per million tokens.</summary>
/// <param name="EffectiveFrom">When these prices took effect; null when the source gives no date.</param>
/// <param name="Prices">The prices.</param>
public sealed record PricePeriod(DateOnly? EffectiveFrom, TokenPrices Prices);

/// <summary>USD per million tokens, each optional; <see cref="Tiers"/> hold long-context prices above a prompt size.</summary>
public sealed record TokenPrices
{
    public decimal? Input { get; init; }

    public decimal? Output { get; init; }

    public decimal? CacheRead { get; init; }

    public decimal? CacheWrite { get; init; }

    /// <summary>Prices that apply when the prompt is above <see cref="PriceTier.AboveInputTokens"/>, ascending.</summary>
    public IReadOnlyList<PriceTier> Tiers { get; init; } = [];

    /// <summary>Value equality including the tier list (records compare lists by reference).</summary>
    public bool SamePricesAs(TokenPrices other) =>
        Input == other.Input && Output == other.Output && CacheRead == other.CacheRead && CacheWrite == other.CacheWrite &&
        Tiers.SequenceEqual(other.Tiers);
}

/// <summary>A long-context tier: prices for prompts above a size.</summary>
public sealed record PriceTier(long AboveInputTokens, decimal? Input, decimal? Output, decimal? CacheRead = null, decimal? CacheWrite = null);

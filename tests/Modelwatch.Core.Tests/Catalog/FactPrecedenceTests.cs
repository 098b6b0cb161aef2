using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Tests.Catalog;

public sealed class FactPrecedenceTests
{
    [Fact]
    public void Licences_come_from_llmstats_before_models_dev_and_openrouter()
    {
        var resolution = FactPrecedence.Resolve(ModelFields.LicenceId,
        [
            new FactClaim(CatalogSources.OpenRouter, "meta-llama/llama-3.1-70b-instruct", "llama3.1"),
            new FactClaim(CatalogSources.LlmStats, "meta/llama-3.1-70b", "Llama 3.1 Community License"),
            new FactClaim(CatalogSources.ModelsDev, "meta/llama-3.1-70b-instruct", "llama3.1"),
        ]);

        Assert.NotNull(resolution);
        Assert.Equal(CatalogSources.LlmStats, resolution.Winner.Source);
        Assert.Equal([CatalogSources.ModelsDev, CatalogSources.OpenRouter], resolution.Conflicts.Select(c => c.Source));
    }

    [Fact]
    public void Limits_come_from_models_dev_and_agreeing_claims_are_not_conflicts()
    {
        var resolution = FactPrecedence.Resolve(ModelFields.ContextWindow,
        [
            new FactClaim(CatalogSources.LiteLlm, "gpt-4o", "128000"),
            new FactClaim(CatalogSources.OpenRouter, "openai/gpt-4o", "128000"),
            new FactClaim(CatalogSources.ModelsDev, "openai/gpt-4o", "128000"),
            new FactClaim(CatalogSources.LlmStats, "openai/gpt-4o", "127000"),
        ]);

        Assert.Equal(CatalogSources.ModelsDev, resolution!.Winner.Source);
        Assert.Equal([CatalogSources.LlmStats], resolution.Conflicts.Select(c => c.Source));
    }

    [Fact]
    public void Overrides_win_every_field()
    {
        foreach (var field in ModelFields.All)
        {
            Assert.Equal(CatalogSources.Overrides, FactPrecedence.OrderFor(field)[0]);
            var resolution = FactPrecedence.Resolve(field, [new FactClaim(CatalogSources.ModelsDev, "a/b", "1"), new FactClaim(CatalogSources.Overrides, "a/b", "2")]);
            Assert.Equal("2", resolution!.Winner.Value);
        }
    }

    [Fact]
    public void Every_field_orders_every_source_once()
    {
        foreach (var field in ModelFields.All)
        {
            var order = FactPrecedence.OrderFor(field);
            Assert.Equal(order.Count, order.Distinct().Count());
            Assert.Equal(CatalogSources.All.Append(CatalogSources.Overrides).Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Display_names_prefer_the_models_own_id_over_a_variants_and_never_depend_on_order()
    {
        FactClaim[] claims =
        [
            new FactClaim(CatalogSources.LmArena, "claude-3-7-sonnet-20250219-thinking-32k", "Claude 3.7 Sonnet (thinking)") { AboutVariant = true },
            new FactClaim(CatalogSources.LmArena, "claude-3-7-sonnet-20250219", "Claude 3.7 Sonnet"),
        ];

        var forward = FactPrecedence.Resolve(ModelFields.DisplayName, claims);
        var backward = FactPrecedence.Resolve(ModelFields.DisplayName, claims.Reverse());

        Assert.Equal("Claude 3.7 Sonnet", forward!.Winner.Value);
        Assert.Equal(forward.Winner, backward!.Winner);
    }

    [Fact]
    public void Within_a_source_the_claim_under_the_canonical_id_beats_a_providers_listing()
    {
        // models.dev lists anthropic/claude-sonnet-4-5 itself and, among others, 302ai's offering of it.
        FactClaim[] claims =
        [
            new FactClaim(CatalogSources.ModelsDev, "302ai/claude-sonnet-4-5", "claude-sonnet-4-5"),
            new FactClaim(CatalogSources.ModelsDev, "anthropic/claude-sonnet-4-5", "Claude Sonnet 4.5 (latest)") { AboutCanonicalRecord = true },
        ];

        var resolution = FactPrecedence.Resolve(ModelFields.DisplayName, claims);

        Assert.Equal("anthropic/claude-sonnet-4-5", resolution!.Winner.ExternalId);
    }

    [Fact]
    public void No_claims_resolve_to_null_and_unknown_sources_rank_last()
    {
        Assert.Null(FactPrecedence.Resolve(ModelFields.Family, []));
        var resolution = FactPrecedence.Resolve(ModelFields.Family, [new FactClaim("somewhere-new", "x", "a"), new FactClaim(CatalogSources.Aider, "x", "b")]);
        Assert.Equal(CatalogSources.Aider, resolution!.Winner.Source);
    }
}

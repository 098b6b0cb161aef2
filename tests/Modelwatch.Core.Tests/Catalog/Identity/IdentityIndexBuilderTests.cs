using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;

namespace Modelwatch.Core.Tests.Catalog.Identity;

public class IdentityIndexBuilderTests
{
    [Fact]
    public void Stated_links_become_aliases_and_other_names_join_a_model_with_the_same_key()
    {
        var index = IdentityIndexBuilder.Build(
            [new KnownModel("anthropic/claude-sonnet-4-5")],
            [
                new CatalogName("models.dev/amazon-bedrock", "au.anthropic.claude-sonnet-4-5-20250929-v1:0") { CanonicalId = "anthropic/claude-sonnet-4-5" },
                new CatalogName("models.dev/openrouter", "anthropic/claude-sonnet-4.5"),
                new CatalogName("models.dev/vertex", "claude-sonnet-4-5@20250929"),
            ]);

        Assert.Equal(1, index.Count);
        Assert.Equal("anthropic/claude-sonnet-4-5", index.ModelOf("models.dev/openrouter", "anthropic/claude-sonnet-4.5"));
        var vertex = index.Find("anthropic/claude-sonnet-4-5")!.Aliases.Single(a => a.Source == "models.dev/vertex");
        Assert.Equal("2025-09-29", vertex.Variant);
    }

    [Fact]
    public void Names_no_model_vouches_for_found_provisional_models_that_later_spellings_join()
    {
        var index = IdentityIndexBuilder.Build([],
        [
            new CatalogName(CatalogSources.LiteLlm, "deepinfra/google/gemma-3-27b-it"),
            new CatalogName(CatalogSources.LiteLlm, "gemini/gemma-3-27b-it"),
            new CatalogName(CatalogSources.LiteLlm, "deepinfra/google/gemma-3-12b-it"),
            new CatalogName(CatalogSources.LiteLlm, "together_ai/google/gemma-3-27b-it-fp8"),
        ]);

        var big = index.ModelOf(CatalogSources.LiteLlm, "gemini/gemma-3-27b-it");
        Assert.Equal(2, index.Count);
        Assert.NotNull(big);
        Assert.StartsWith(IdentityIndexBuilder.ProvisionalPrefix, big, StringComparison.Ordinal);
        Assert.Equal(big, index.ModelOf(CatalogSources.LiteLlm, "deepinfra/google/gemma-3-27b-it"));
        Assert.Equal(big, index.ModelOf(CatalogSources.LiteLlm, "together_ai/google/gemma-3-27b-it-fp8"));
        Assert.NotEqual(big, index.ModelOf(CatalogSources.LiteLlm, "deepinfra/google/gemma-3-12b-it"));
    }

    [Fact]
    public void A_stated_link_to_an_unknown_model_is_matched_like_any_other_name()
    {
        var index = IdentityIndexBuilder.Build([new KnownModel("openai/gpt-4o")],
            [new CatalogName("models.dev/x", "gpt-4o") { CanonicalId = "openai/gpt-4o-missing" }]);

        Assert.Equal("openai/gpt-4o", index.ModelOf("models.dev/x", "gpt-4o"));
    }
}

public class LinkageReportTests
{
    [Fact]
    public void The_report_counts_links_by_kind_and_the_review_queue()
    {
        var index = new ModelIdentityIndex();
        index.Add(new KnownModel("openai/gpt-4o"));
        index.Add(new KnownModel("xai/grok-3-mini"));

        var report = LinkageReport.Measure(CatalogSources.LmArena, CatalogSources.ModelsDev,
            ["gpt-4o", "gpt-4o-2024-05-13", "grok-3-mini-beta", "vicuna-13b"], new ModelIdentityMatcher(index));

        Assert.Equal((4, 2, 1, 1), (report.Total, report.Linked, report.Candidates, report.Unmatched));
        Assert.Equal(1, report.Count(MatchKind.Exact));
        Assert.Equal(1, report.Count(MatchKind.Normalised));
        Assert.Equal("lmarena → models.dev: 2 of 4 linked (exact 1, normalised 1), 1 to review, 1 unmatched", report.Summary());
        Assert.Equal(["gpt-4o", "gpt-4o-2024-05-13", "grok-3-mini-beta", "vicuna-13b"], report.Rows.Select(r => r.ExternalId));
    }
}

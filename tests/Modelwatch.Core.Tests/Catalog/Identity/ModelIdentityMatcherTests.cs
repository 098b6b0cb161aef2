using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;

namespace Modelwatch.Core.Tests.Catalog.Identity;

public class ModelIdentityMatcherTests
{
    private static ModelIdentityIndex Index(params KnownModel[] models)
    {
        var index = new ModelIdentityIndex();
        foreach (var model in models)
        {
            index.Add(model);
        }

        return index;
    }

    private static IdentityMatch Match(ModelIdentityIndex index, string id, MatchHints? hints = null, IEnumerable<IdentityOverride>? overrides = null) =>
        new ModelIdentityMatcher(index, overrides).Match(CatalogSources.LmArena, id, hints ?? MatchHints.None);

    [Fact]
    public void A_canonical_id_and_its_model_part_match_exactly()
    {
        var index = Index(new KnownModel("openai/gpt-4o"));

        var byId = Match(index, "openai/gpt-4o");
        var byModelPart = Match(index, "GPT-4o");

        Assert.Equal(("openai/gpt-4o", MatchKind.Exact, 1.0), (byId.ModelId, byId.Kind, byId.Confidence));
        Assert.Equal(("openai/gpt-4o", MatchKind.Exact), (byModelPart.ModelId, byModelPart.Kind));
    }

    [Fact]
    public void A_known_alias_of_the_same_source_matches_exactly_with_its_variant()
    {
        var index = Index(new KnownModel("anthropic/claude-sonnet-4-5")
        {
            Aliases = [new KnownAlias(CatalogSources.LmArena, "claude-sonnet-4-5-20250929") { Variant = "2025-09-29" }],
        });

        var match = Match(index, "claude-sonnet-4-5-20250929");

        Assert.Equal(("anthropic/claude-sonnet-4-5", "2025-09-29", MatchKind.Exact), (match.ModelId, match.Variant, match.Kind));
    }

    [Fact]
    public void A_variant_links_to_its_model_and_names_the_variant()
    {
        var index = Index(new KnownModel("anthropic/claude-opus-4-5"), new KnownModel("openai/gpt-5.1"), new KnownModel("meta/llama-3.1-405b-instruct"));

        var thinking = Match(index, "claude-opus-4-5-20251101-thinking-32k");
        var effort = Match(index, "gpt-5.1-high");
        var quantised = Match(index, "llama-3.1-405b-instruct-fp8");

        Assert.Equal(("anthropic/claude-opus-4-5", "2025-11-01+thinking-32k", MatchKind.Normalised), (thinking.ModelId, thinking.Variant, thinking.Kind));
        Assert.InRange(thinking.Confidence, 0.5, 0.99);
        Assert.Equal(("openai/gpt-5.1", "high"), (effort.ModelId, effort.Variant));
        Assert.Equal(("meta/llama-3.1-405b-instruct", "fp8"), (quantised.ModelId, quantised.Variant));
        Assert.Contains("claude-opus-4.5", thinking.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_model_keeps_only_the_rest_of_the_variant()
    {
        var index = Index(new KnownModel("anthropic/claude-opus-4-5-20251101"), new KnownModel("anthropic/claude-opus-4-5"));

        var match = Match(index, "claude-opus-4-5-20251101-thinking-32k");

        Assert.Equal(("anthropic/claude-opus-4-5-20251101", "thinking-32k"), (match.ModelId, match.Variant));
    }

    [Fact]
    public void Word_order_and_separators_do_not_matter()
    {
        var index = Index(new KnownModel("nvidia/llama-3.3-nemotron-super-49b-v1"));

        var match = Match(index, "llama-3.3-nemotron-49b-super-v1");

        Assert.Equal(("nvidia/llama-3.3-nemotron-super-49b-v1", MatchKind.Normalised), (match.ModelId, match.Kind));
        Assert.Contains("word order", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llama-3.1-8b-instruct", "size")] // 8b ≠ 70b
    [InlineData("gpt-4o-mini", "qualifier")]
    [InlineData("gemini-2.5-flash-lite", "qualifier")]
    [InlineData("qwen3-235b-a22b-instruct-2507", "qualifier")]
    [InlineData("deepseek-v3.2", "version")]
    [InlineData("deepseek-v3", "version")]
    [InlineData("claude-3-sonnet", "version")]
    [InlineData("gemma-3n-e2b-it", "size")] // e2b ≠ e4b
    [InlineData("llama-3.3-nemotron-super-49b-v1", "version")] // ≠ v1.5
    [InlineData("o1-preview", "qualifier")]
    public void Guard_rails_keep_look_alikes_apart(string id, string _)
    {
        var index = Index(
            new KnownModel("meta/llama-3.1-70b-instruct"),
            new KnownModel("openai/gpt-4o"),
            new KnownModel("openai/o1"),
            new KnownModel("google/gemini-2.5-flash"),
            new KnownModel("alibaba/qwen3-235b-a22b"),
            new KnownModel("deepseek/deepseek-v3.1"),
            new KnownModel("anthropic/claude-3-5-sonnet"),
            new KnownModel("google/gemma-3n-e4b-it"),
            new KnownModel("nvidia/llama-3.3-nemotron-super-49b-v1.5"));

        var match = Match(index, id);

        Assert.False(match.IsLinked, $"{id} linked to {match.ModelId}: {match.Explanation}");
    }

    [Theory]
    [InlineData("size 8b ≠ 70b", "llama-3.1-8b-instruct", "llama-3.1-70b-instruct")]
    [InlineData("size 235b a22b ≠ 235b a3b", "qwen3-235b-a22b", "qwen3-235b-a3b")]
    [InlineData("version 3 ≠ 3.5", "claude-3-sonnet", "claude-3.5-sonnet")]
    [InlineData("version v3 ≠ v3.1", "deepseek-v3", "deepseek-v3.1")]
    [InlineData("qualifier mini ≠ (none)", "gpt-4o-mini", "gpt-4o")]
    [InlineData("qualifier flash lite ≠ flash", "gemini-2.5-flash-lite", "gemini-2.5-flash")]
    [InlineData("qualifier chat ≠ instruct", "qwen1.5-72b-chat", "qwen1.5-72b-instruct")]
    [InlineData("experts 128e ≠ 16e", "llama-4-17b-128e-instruct", "llama-4-17b-16e-instruct")]
    [InlineData("snapshot 2024-06-20 ≠ 2024-10-22", "claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022")]
    [InlineData("lab anthropic ≠ amazon", "anthropic.claude-v2", "amazon-claude-v2")]
    public void A_guard_rail_names_the_difference(string reason, string a, string b)
    {
        var agreement = NameAgreement.ForLink(ModelNameNormalizer.Normalize(a), ModelNameNormalizer.Normalize(b));

        Assert.False(agreement.Agrees);
        Assert.Equal(reason, agreement.Reason);
    }

    [Fact]
    public void A_missing_size_or_expert_count_is_not_a_contradiction()
    {
        Assert.True(NameAgreement.ForLink(ModelNameNormalizer.Normalize("nemotron-3-nano-30b"), ModelNameNormalizer.Normalize("nemotron-3-nano-30b-a3b")).Agrees);
        Assert.True(NameAgreement.ForLink(ModelNameNormalizer.Normalize("llama-4-maverick-17b-instruct"), ModelNameNormalizer.Normalize("llama-4-maverick-17b-128e-instruct")).Agrees);
    }

    [Fact]
    public void A_contradicting_lab_hint_prevents_the_link()
    {
        var index = Index(new KnownModel("meta/llama-3-70b-instruct"));

        var hinted = Match(index, "llama-3-70b-instruct", new MatchHints { Organisation = "NVIDIA" });
        var agreeing = Match(index, "llama-3-70b-instruct", new MatchHints { Organisation = "Meta AI" });

        Assert.False(hinted.IsLinked);
        Assert.Equal("meta/llama-3-70b-instruct", agreeing.ModelId);
    }

    [Fact]
    public void Thinking_is_not_dropped_when_the_family_ships_separate_thinking_weights()
    {
        var split = Index(new KnownModel("alibaba/qwen3-vl-235b-a22b"), new KnownModel("alibaba/qwen3-vl-235b-a22b-instruct"));
        var hybrid = Index(new KnownModel("deepseek/deepseek-v3.1"));

        var separate = Match(split, "qwen3-vl-235b-a22b-thinking");
        var mode = Match(hybrid, "deepseek-v3.1-thinking");

        Assert.Equal((MatchKind.Candidate, false), (separate.Kind, separate.IsLinked));
        Assert.Contains("-thinking models", separate.Explanation, StringComparison.Ordinal);
        Assert.Equal(("deepseek/deepseek-v3.1", "thinking"), (mode.ModelId, mode.Variant));
    }

    [Fact]
    public void A_dated_name_is_not_a_snapshot_of_the_hybrid_when_an_instruct_release_has_that_date()
    {
        var index = Index(new KnownModel("alibaba/qwen3-235b-a22b"), new KnownModel("alibaba/qwen3-235b-a22b-instruct-2507"));

        var match = Match(index, "openrouter/qwen/qwen3-235b-a22b-2507");

        Assert.False(match.IsLinked);
        Assert.Equal(MatchKind.Candidate, match.Kind);
    }

    [Fact]
    public void Latest_is_a_moving_pointer_never_confirmed_by_a_fixed_name()
    {
        var index = Index(new KnownModel("mistral/mistral-medium-latest"));

        var old = Match(index, "mistral-medium");
        var dated = Match(index, "mistral-medium-2508");
        var same = Match(index, "mistral/mistral-medium-latest");

        Assert.Equal((MatchKind.Candidate, "mistral/mistral-medium-latest"), (old.Kind, old.CandidateModelId));
        Assert.False(dated.IsLinked);
        Assert.Equal(MatchKind.Exact, same.Kind);
    }

    [Fact]
    public void A_display_name_stating_another_generation_rules_out_a_bare_family_name()
    {
        var index = Index(new KnownModel("~models.dev/mistral-medium") { DisplayName = "Mistral Medium 3.1", PrimaryName = "mistral/mistral-medium" });

        var bare = Match(index, "mistral-medium");
        var dated = Match(index, "mistral-medium-2508");

        Assert.False(bare.IsLinked);
        Assert.Equal(("~models.dev/mistral-medium", "2025-08"), (dated.ModelId, dated.Variant));
    }

    [Fact]
    public void An_alias_that_contradicts_its_model_only_answers_its_own_source()
    {
        var index = Index(new KnownModel("deepseek/deepseek-r1")
        {
            Aliases = [new KnownAlias("models.dev/cloudflare-workers-ai", "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b")],
        });
        var matcher = new ModelIdentityMatcher(index);

        var fromArena = matcher.Match(CatalogSources.LmArena, "deepseek-r1-distill-qwen-32b", MatchHints.None);
        var fromItsSource = matcher.Match("models.dev/cloudflare-workers-ai", "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b", MatchHints.None);

        Assert.False(fromArena.IsLinked);
        Assert.Equal(("deepseek/deepseek-r1", MatchKind.Exact), (fromItsSource.ModelId, fromItsSource.Kind));
    }

    [Fact]
    public void Overrides_link_first_and_vetoes_win_over_rules()
    {
        var index = Index(new KnownModel("openai/gpt-4o"), new KnownModel("deepseek/deepseek-chat"));
        IdentityOverride[] overrides =
        [
            new(OverrideKind.Link, CatalogSources.LmArena, "chatgpt-4o-latest-20250326", "openai/gpt-4o") { Variant = "2025-03-26", Origin = "o.toml:2" },
            new(OverrideKind.Never, "*", "deepseek-chat", "deepseek/deepseek-chat"),
            new(OverrideKind.Link, CatalogSources.LmArena, "x", "lab/not-in-the-index"),
        ];
        var matcher = new ModelIdentityMatcher(index, overrides);

        var linked = matcher.Match(CatalogSources.LmArena, "chatgpt-4o-latest-20250326", MatchHints.None);
        var vetoed = matcher.Match(CatalogSources.LiteLlm, "deepseek-chat", MatchHints.None);
        var unknownTarget = matcher.Match(CatalogSources.LmArena, "x", MatchHints.None);

        Assert.Equal(("openai/gpt-4o", "2025-03-26", MatchKind.Override, 1.0), (linked.ModelId, linked.Variant, linked.Kind, linked.Confidence));
        Assert.Contains("o.toml:2", linked.Explanation, StringComparison.Ordinal);
        Assert.False(vetoed.IsLinked);
        Assert.False(unknownTarget.IsLinked);
        Assert.Equal("lab/not-in-the-index", Assert.Single(matcher.UnknownOverrideTargets).ModelId);
    }

    [Fact]
    public void A_match_rule_links_across_spellings_but_not_across_guard_rails()
    {
        var index = Index(new KnownModel("openai/gpt-4o"));
        SourceMatchRule[] rules =
        [
            new("openai/gpt-4o", new MatchRule.EqualsRule("chatgpt-4o-latest")),
            new("gpt-4o", new MatchRule.StartsWithRule("gpt-4o")),
        ];
        var matcher = new ModelIdentityMatcher(index, rules: rules);

        var spelled = matcher.Match(CatalogSources.LiteLlm, "chatgpt-4o-latest", MatchHints.None);
        var mini = matcher.Match(CatalogSources.LiteLlm, "gpt-4o-mini-2024-07-18", MatchHints.None);

        Assert.Equal(("openai/gpt-4o", MatchKind.Rule), (spelled.ModelId, spelled.Kind));
        Assert.Contains("match rule", spelled.Explanation, StringComparison.Ordinal);
        Assert.False(mini.IsLinked);
    }

    [Fact]
    public void Two_models_with_one_name_are_a_candidate_unless_a_lab_hint_decides()
    {
        var index = Index(new KnownModel("~a/llama-3.1-nemotron-70b-instruct") { Lab = "nvidia" }, new KnownModel("~b/llama-3.1-nemotron-70b-instruct") { Lab = "meta" });

        var open = Match(index, "llama-3.1-nemotron-70b-instruct");
        var hinted = Match(index, "llama-3.1-nemotron-70b-instruct", new MatchHints { Lab = "nvidia" });

        Assert.Equal(MatchKind.Candidate, open.Kind);
        Assert.Contains("ambiguous", open.Explanation, StringComparison.Ordinal);
        Assert.Equal("~a/llama-3.1-nemotron-70b-instruct", hinted.ModelId);
    }

    [Fact]
    public void Similar_names_go_to_review_and_never_link()
    {
        var index = Index(new KnownModel("xai/grok-3-mini"), new KnownModel("openai/gpt-4o"));

        var similar = Match(index, "grok-3-mini-beta");
        var unknown = Match(index, "vicuna-13b");
        var empty = Match(index, ":free");

        Assert.Equal((MatchKind.Candidate, false, "xai/grok-3-mini"), (similar.Kind, similar.IsLinked, similar.CandidateModelId));
        Assert.Null(similar.ModelId);
        Assert.Equal(MatchKind.Unmatched, unknown.Kind);
        Assert.Equal(MatchKind.Unmatched, empty.Kind);
    }
}

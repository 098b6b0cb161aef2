using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;

namespace Modelwatch.Core.Tests.Catalog.Identity;

public class ModelNameNormalizerTests
{
    [Theory]
    // provider, route and region prefixes
    [InlineData("openrouter/anthropic/claude-opus-4.5", "claude-opus-4.5", null)]
    [InlineData("bedrock/us-east-1/us.anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4.5", "2025-11-01")]
    [InlineData("global.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4.5", "2025-10-01")]
    [InlineData("apac.amazon.nova-pro-v1:0", "nova-pro", null)]
    [InlineData("vertex_ai/claude-opus-4-1@20250805", "claude-opus-4.1", "2025-08-05")]
    [InlineData("vertex_ai/mistral-medium-3@001", "mistral-medium-3", "001")]
    [InlineData("azure/eu/gpt-5.1", "gpt-5.1", null)]
    [InlineData("together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "llama-3.1-405b-instruct-turbo", null)]
    [InlineData("fireworks_ai/accounts/fireworks/models/qwen2p5-coder-32b-instruct", "qwen-2.5-coder-32b-instruct", null)]
    [InlineData("openrouter/meta-llama/llama-3.3-70b-instruct:free", "llama-3.3-70b-instruct", null)]
    [InlineData("openrouter/openai/gpt-4o:beta", "gpt-4o", null)]
    [InlineData("eu.deepseek.v3.2", "deepseek-v3.2", null)]
    [InlineData("us.deepseek.r1-v1:0", "deepseek-r1", null)]
    [InlineData("mistral.mistral-7b-instruct-v0:2", "mistral-7b-instruct-v0.2", null)]
    [InlineData("openai.gpt-oss-120b-1:0", "gpt-oss-120b", null)]
    [InlineData("databricks/databricks-claude-opus-4-5", "claude-opus-4.5", null)]
    // dots, dashes, underscores and glued versions
    [InlineData("gpt-4-1", "gpt-4.1", null)]
    [InlineData("claude-3-5-sonnet", "claude-3.5-sonnet", null)]
    [InlineData("llama3.1-8b", "llama-3.1-8b", null)]
    [InlineData("Meta-Llama-3_1-70B-Instruct", "llama-3.1-70b-instruct", null)]
    [InlineData("internlm2_5-20b-chat", "internlm-2.5-20b-chat", null)]
    [InlineData("deepseek-v3-1", "deepseek-v3.1", null)]
    [InlineData("gemma-3-27b-it", "gemma-3-27b-instruct", null)]
    [InlineData("ai21-jamba-1.5-large", "jamba-1.5-large", null)]
    // dated snapshots, all written the same stable way
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4.5", "2025-09-29")]
    [InlineData("gpt-4.1-2025-04-14", "gpt-4.1", "2025-04-14")]
    [InlineData("deepseek-r1-0528", "deepseek-r1", "05-28")]
    [InlineData("qwen3-235b-a22b-instruct-2507", "qwen-3-235b-a22b-instruct", "2025-07")]
    [InlineData("kimi-k2-0905-preview", "kimi-k2-preview", "09-05")]
    [InlineData("command-r-plus-08-2024", "command-r-plus", "2024-08")]
    [InlineData("gemini-2.5-flash-preview-09-2025", "gemini-2.5-flash-preview", "2025-09")]
    [InlineData("grok-3-preview-02-24", "grok-3-preview", "02-24")]
    [InlineData("step-2-16k-exp-202412", "step-2-16k-exp", "2024-12")]
    [InlineData("deepseek-v3-2-251201", "deepseek-v3.2", "2025-12-01")]
    [InlineData("phi-3-mini-4k-instruct-june-2024", "phi-3-mini-4k-instruct", "2024-06")]
    [InlineData("gemini-1.5-pro-002", "gemini-1.5-pro", "002")]
    [InlineData("r1-1776", "r1-1776", null)]
    // reasoning effort, thinking, quantisation
    [InlineData("gpt-5.1-high", "gpt-5.1", "high")]
    [InlineData("o3-mini-low", "o3-mini", "low")]
    [InlineData("gpt-5-medium", "gpt-5", "medium")]
    [InlineData("mistral-medium-2508", "mistral-medium", "2025-08")]
    [InlineData("claude-opus-4-5-20251101-thinking-32k", "claude-opus-4.5", "2025-11-01+thinking-32k")]
    [InlineData("claude-opus-4-1-thinking:32000", "claude-opus-4.1", "thinking-32k")]
    [InlineData("openrouter/anthropic/claude-3.7-sonnet:thinking", "claude-3.7-sonnet", "thinking")]
    [InlineData("qwen3-235b-a22b-no-thinking", "qwen-3-235b-a22b", "no-thinking")]
    [InlineData("gemini-2.5-flash-nothink", "gemini-2.5-flash", "no-thinking")]
    [InlineData("deepseek-v3.2-exp-thinking", "deepseek-v3.2-exp", "thinking")]
    [InlineData("qwen3-235b-a22b-thinking-2507", "qwen-3-235b-a22b-thinking", "2025-07")]
    [InlineData("kimi-k2-thinking-turbo", "kimi-k2-thinking-turbo", null)]
    [InlineData("grok-4-1-fast-non-reasoning", "grok-4.1-fast", "non-reasoning")]
    [InlineData("llama-3.1-405b-instruct-fp8", "llama-3.1-405b-instruct", "fp8")]
    [InlineData("Qwen/Qwen3-VL-235B-A22B-Instruct-FP8", "qwen-3-vl-235b-a22b-instruct", "fp8")]
    [InlineData("@cf/meta/llama-3.3-70b-instruct-fp8-fast", "llama-3.3-70b-instruct-fast", "fp8")]
    // moving pointers, first versions, experts
    [InlineData("chatgpt-4o-latest-20250326", "chatgpt-4o", "2025-03-26+latest")]
    [InlineData("mistral-large-latest", "mistral-large", "latest")]
    [InlineData("amazon-nova-pro-v1.0", "nova-pro", null)]
    [InlineData("llama-3.1-nemotron-ultra-253b-v1", "llama-3.1-nemotron-ultra-253b", null)]
    [InlineData("llama-3.3-nemotron-super-49b-v1.5", "llama-3.3-nemotron-super-49b-v1.5", null)]
    [InlineData("claude-v1", "claude-v1", null)]
    [InlineData("llama-4-maverick-17b-128e-instruct", "llama-4-maverick-17b-instruct", null)]
    public void Names_are_taken_apart_into_model_words_and_a_stable_variant(string id, string name, string? variant)
    {
        var normalized = ModelNameNormalizer.Normalize(id);

        Assert.Equal(name, normalized.Name);
        Assert.Equal(variant, normalized.Variant);
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-20241022", "claude-sonnet-3.5@20241022")]
    [InlineData("llama-3.3-nemotron-49b-super-v1", "nvidia/llama-3.3-nemotron-super-49b-v1")]
    [InlineData("gemini-2.5-flash", "gemini-flash-2.5")]
    [InlineData("llama-3.1-8b-instruct", "meta.llama3-1-8b-instruct-v1:0")]
    [InlineData("qwen2.5-72b-instruct", "Qwen/Qwen2.5-72B-Instruct")]
    [InlineData("gpt-4.1", "gpt-4-1")]
    [InlineData("grok-4.1-fast-reasoning", "grok-4-1-fast-reasoning")]
    public void Spellings_of_one_name_share_a_key(string a, string b) =>
        Assert.Equal(ModelNameNormalizer.Normalize(a).FullKey, ModelNameNormalizer.Normalize(b).FullKey);

    [Theory]
    [InlineData("gpt-4o", "gpt-4o-mini")]
    [InlineData("gemini-2.5-flash", "gemini-2.5-flash-lite")]
    [InlineData("qwen3-235b-a22b", "qwen3-235b-a22b-instruct-2507")]
    [InlineData("deepseek-v3", "deepseek-v3.1")]
    [InlineData("deepseek-v3.1", "deepseek-v3.2")]
    [InlineData("deepseek-v3.2", "deepseek-v3.2-exp")]
    [InlineData("llama-3.1-8b-instruct", "llama-3.1-70b-instruct")]
    [InlineData("claude-3.5-sonnet", "claude-3-sonnet")]
    [InlineData("o1", "o1-preview")]
    [InlineData("glm-4.5", "glm-4.5v")]
    [InlineData("llama-3.3-nemotron-super-49b-v1", "llama-3.3-nemotron-super-49b-v1.5")]
    [InlineData("mistral-7b-instruct-v0.1", "mistral-7b-instruct-v0.2")]
    [InlineData("qwen3-vl-235b-a22b-instruct", "qwen3-vl-235b-a22b-thinking")]
    [InlineData("gemma-3n-e4b-it", "gemma-3n-e2b-it")]
    public void Look_alikes_keep_different_base_keys(string a, string b) =>
        Assert.NotEqual(ModelNameNormalizer.Normalize(a).BaseKey, ModelNameNormalizer.Normalize(b).BaseKey);

    [Fact]
    public void Variant_parts_keep_their_kind()
    {
        var name = ModelNameNormalizer.Normalize("claude-opus-4-5-20251101-thinking-32k");
        var quantised = ModelNameNormalizer.Normalize("llama-3.1-405b-instruct-bf16");
        var effort = ModelNameNormalizer.Normalize("o3-mini-high");

        Assert.Equal([new VariantPart(VariantKind.Snapshot, "2025-11-01"), new VariantPart(VariantKind.Thinking, "thinking-32k")], name.VariantParts);
        Assert.Equal(new VariantPart(VariantKind.Quantisation, "bf16"), Assert.Single(quantised.VariantParts));
        Assert.Equal(new VariantPart(VariantKind.ReasoningEffort, "high"), Assert.Single(effort.VariantParts));
    }

    [Theory]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "anthropic")]
    [InlineData("nvidia-llama-3.3-nemotron-super-49b-v1.5", "nvidia")]
    [InlineData("amazon-nova-micro-v1.0", "amazon")]
    [InlineData("perplexity/llama-3.1-70b-instruct", null)]
    [InlineData("tencent/deepseek-v4-pro", null)]
    public void Lab_hints_come_from_vendor_prefixes_not_from_hosts(string id, string? lab) =>
        Assert.Equal(lab, ModelNameNormalizer.Normalize(id).LabHint);

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData(":free")]
    [InlineData("openrouter/openrouter/free")]
    public void An_id_without_model_words_is_empty(string id) => Assert.True(ModelNameNormalizer.Normalize(id).IsEmpty);

    [Fact]
    public void Display_names_read_punctuation_as_spacing()
    {
        var name = ModelNameNormalizer.NormalizeDisplayName("GPT-4o (2024-05-13)");

        Assert.Equal("gpt-4o", name.Name);
        Assert.Equal("2024-05-13", name.Variant);
        Assert.Equal("GPT-4o (2024-05-13)", name.ExternalId);
    }
}

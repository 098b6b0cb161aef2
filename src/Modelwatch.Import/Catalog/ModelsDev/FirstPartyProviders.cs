namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// models.dev providers that serve only their own lab's models, and that lab's slug (the folder under
/// <c>models/</c>). An offering there without <c>base_model</c> is the lab's own model, so its lab is known; a
/// gateway's (OpenRouter, Bedrock, NVIDIA NIM, Vertex) is not. Regional or plan clones are listed only when they
/// too host nothing else: <c>alibaba-cn</c> and the Alibaba and Tencent coding plans also serve DeepSeek, Kimi,
/// GLM and MiniMax models, so they are left out (checked against the tree at f3fc6922).
/// </summary>
internal static class FirstPartyProviders
{
    private static readonly Dictionary<string, string> LabByProvider = new(StringComparer.Ordinal)
    {
        ["openai"] = "openai",
        ["anthropic"] = "anthropic",
        ["google"] = "google",
        ["mistral"] = "mistral",
        ["xai"] = "xai",
        ["deepseek"] = "deepseek",
        ["alibaba"] = "alibaba",
        ["cohere"] = "cohere",
        ["minimax"] = "minimax",
        ["minimax-cn"] = "minimax",
        ["minimax-coding-plan"] = "minimax",
        ["minimax-cn-coding-plan"] = "minimax",
        ["moonshotai"] = "moonshotai",
        ["moonshotai-cn"] = "moonshotai",
        ["kimi-for-coding"] = "moonshotai",
        ["zhipuai"] = "zhipuai",
        ["zhipuai-coding-plan"] = "zhipuai",
        ["zai"] = "zhipuai",
        ["zai-coding-plan"] = "zhipuai",
        ["stepfun"] = "stepfun",
        ["xiaomi"] = "xiaomi",
        ["xiaomi-token-plan-ams"] = "xiaomi",
        ["xiaomi-token-plan-cn"] = "xiaomi",
        ["xiaomi-token-plan-sgp"] = "xiaomi",
        ["perplexity"] = "perplexity",
        ["sakana"] = "sakana",
        ["sarvam"] = "sarvam",
        ["upstage"] = "upstage",
        ["inception"] = "inception",
        ["poolside"] = "poolside",
        ["llama"] = "meta",
    };

    /// <summary>The lab whose own models <paramref name="provider"/> serves, or null for a host of many labs' models.</summary>
    public static string? LabOf(string provider) => LabByProvider.GetValueOrDefault(provider);
}

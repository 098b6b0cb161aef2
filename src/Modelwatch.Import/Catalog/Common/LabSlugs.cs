namespace Modelwatch.Import.Catalog.Common;

/// <summary>
/// Lab slugs in the canonical namespace (models.dev's <c>models/&lt;lab&gt;/</c>: <c>xai</c>, <c>zhipuai</c>,
/// <c>mistral</c>, <c>meta</c>, <c>alibaba</c>). Sources spell labs their own way (OpenRouter <c>x-ai</c>,
/// <c>z-ai</c>, <c>mistralai</c>, <c>meta-llama</c>; LLMStats <c>qwen</c>); a new canonical id must not split a
/// lab in two because of that.
/// </summary>
internal static class LabSlugs
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-ai"] = "xai",
        ["z-ai"] = "zhipuai",
        ["zai-org"] = "zhipuai",
        ["thudm"] = "zhipuai",
        ["mistralai"] = "mistral",
        ["meta-llama"] = "meta",
        ["qwen"] = "alibaba",
        ["deepseek-ai"] = "deepseek",
        ["ibm-granite"] = "ibm",
        ["coherelabs"] = "cohere",
        ["cohereforai"] = "cohere",
        ["minimaxai"] = "minimax",
        ["stepfun-ai"] = "stepfun",
        ["moonshot"] = "moonshotai",
        ["allenai"] = "allenai",
        ["ai2"] = "allenai",
    };

    /// <summary>The canonical slug for a source's vendor or organisation folder name (lower-cased when not an alias).</summary>
    public static string FromVendor(string vendor)
    {
        var v = vendor.Trim().TrimStart('~');
        return Aliases.TryGetValue(v, out var lab) ? lab : v.ToLowerInvariant();
    }
}

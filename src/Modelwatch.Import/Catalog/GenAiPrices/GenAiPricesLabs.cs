using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.GenAiPrices;

/// <summary>
/// The lab hint for a genai-prices model. Only providers that are labs give one, and not for every model they list:
/// Google's API serves Anthropic's Claude, for instance. genai-prices' provider-level <c>model_match</c> (which
/// provider a bare model name belongs to: <c>contains "claude"</c> for Anthropic) decides: a lab's model that
/// another lab's <c>model_match</c> claims, and its own does not, is that other lab's; claimed by two others, it gets
/// no hint; otherwise it is the provider's own (Gemma at Google, embeddings at OpenAI).
/// </summary>
internal sealed class GenAiPricesLabs
{
    /// <summary>genai-prices providers that make models, with their lab slug in the canonical (models.dev) namespace.</summary>
    public static IReadOnlyDictionary<string, string> LabProviders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anthropic"] = "anthropic",
        ["cohere"] = "cohere",
        ["deepseek"] = "deepseek",
        ["google"] = "google",
        ["minimax"] = "minimax",
        ["mistral"] = "mistral",
        ["moonshotai"] = "moonshotai",
        ["openai"] = "openai",
        ["perplexity"] = "perplexity",
        ["voyageai"] = "voyageai",
        ["x-ai"] = "xai",
        ["zhipuai"] = "zhipuai",
    };

    private readonly List<(string Lab, MatchRule Rule)> _claims = [];

    /// <summary>Records a lab provider's <c>model_match</c>; other providers' rules are ignored.</summary>
    public void AddModelMatch(string provider, MatchRule rule)
    {
        if (LabProviders.TryGetValue(provider, out var lab))
        {
            _claims.Add((lab, rule));
        }
    }

    /// <summary>The lab slug for <paramref name="modelId"/> listed by <paramref name="provider"/>, or null.</summary>
    public string? LabOf(string provider, string modelId)
    {
        if (!LabProviders.TryGetValue(provider, out var own))
        {
            return null;
        }

        var claimedBy = _claims.Where(c => c.Rule.Matches(modelId)).Select(c => c.Lab).Distinct(StringComparer.Ordinal).ToList();
        var others = claimedBy.Where(l => l != own).ToList();
        return others.Count switch
        {
            0 => own,
            1 when !claimedBy.Contains(own) => others[0],
            _ => null,
        };
    }
}

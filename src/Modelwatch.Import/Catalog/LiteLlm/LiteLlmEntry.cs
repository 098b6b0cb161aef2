using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.LiteLlm;

/// <summary>
/// One call string's entry as an offering. Limits are kept apart, as users of these catalogs keep asking:
/// <list type="bullet">
/// <item><c>max_input_tokens</c> → <see cref="SourceOffering.MaxInputTokens"/> (0, which 10 gateway embedding entries state, as null).</item>
/// <item><c>max_output_tokens</c> → <see cref="SourceOffering.MaxOutputTokens"/>.</item>
/// <item><see cref="SourceOffering.ContextWindow"/> stays null: LiteLLM states no window. Its input limit is not the
/// window (gpt-5: 272,000 in + 128,000 out = a 400,000 window), so copying it there would state a wrong fact.</item>
/// <item>Legacy <c>max_tokens</c> is, by LiteLLM's own <c>sample_spec</c>, “set to max_output_tokens if the provider
/// specifies it, if not set to max_input_tokens”. It is used as the output limit only when
/// <c>max_output_tokens</c> is missing and <c>max_input_tokens</c> is present with another value (so it cannot be
/// the input limit); never as a window. In the 2026-07-24 fixture that never happens: of 143 entries with
/// <c>max_tokens</c> and no <c>max_output_tokens</c>, 141 repeat <c>max_input_tokens</c> and 2 state no other limit.</item>
/// </list>
/// </summary>
internal static class LiteLlmEntry
{
    /// <summary>The offering, or null (with the reasons in <paramref name="problems"/>) when a field it needs is unreadable.</summary>
    public static SourceOffering? Read(string key, JsonElement entry, RecordProblems problems)
    {
        var path = CatalogJson.Key(key);
        var errorsBefore = problems.Errors;

        string? provider = null;
        if (JsonValues.TryMember(entry, "litellm_provider", out var providerValue))
        {
            provider = JsonValues.Id(providerValue, CatalogJson.Member(path, "litellm_provider"), problems);
        }
        else
        {
            problems.Bad(CatalogJson.Member(path, "litellm_provider"), "missing; every call string names its provider");
        }

        var mode = JsonValues.TryMember(entry, "mode", out var modeValue) ? JsonValues.Text(modeValue, CatalogJson.Member(path, "mode"), problems) : null;
        // An input limit of 0 (Vercel's gateway embeddings) cannot be true, so it says nothing; an output limit of 0
        // is true of moderation and embedding models, which generate no tokens.
        int? maxInput = Tokens(entry, path, "max_input_tokens", problems) is > 0 and var stated ? stated : null;
        var maxOutput = Tokens(entry, path, "max_output_tokens", problems);
        var legacyMax = Tokens(entry, path, "max_tokens", problems);
        var prices = LiteLlmPrices.Read(entry, path, problems);

        if (problems.Errors > errorsBefore || provider is null)
        {
            return null;
        }

        return new SourceOffering(provider, key, key)
        {
            Mode = mode,
            MaxInputTokens = maxInput,
            MaxOutputTokens = maxOutput ?? LegacyOutputLimit(maxInput, legacyMax),
            Prices = prices is null ? [] : [new PricePeriod(null, prices)],
        };
    }

    /// <summary>The output limit implied by legacy <c>max_tokens</c>, when it can only be that (see the class remarks).</summary>
    internal static int? LegacyOutputLimit(int? maxInput, int? legacyMax) =>
        legacyMax is not null && maxInput is not null && legacyMax != maxInput ? legacyMax : null;

    private static int? Tokens(JsonElement entry, string path, string name, RecordProblems problems) =>
        JsonValues.TryMember(entry, name, out var value) ? JsonValues.TokenCount(value, CatalogJson.Member(path, name), problems, zeroAllowed: true) : null;
}

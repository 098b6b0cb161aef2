using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Advisor;

/// <summary>
/// What a model's licence allows, as far as the advisor's two licence constraints go. Null means "not known", which
/// fails a hard constraint: someone who must self-host or sell a product cannot rely on a guess.
/// </summary>
/// <param name="SelfHost">The weights can be downloaded and run on one's own hardware.</param>
/// <param name="Commercial">The model may be used in a commercial product or service.</param>
/// <param name="Why">The reason in words (the licence and the clause that matters).</param>
public sealed record LicenceTerms(bool? SelfHost, bool? Commercial, string Why)
{
    /// <summary>
    /// The terms of a licence class and id. The class decides whether weights exist: proprietary models cannot be
    /// self-hosted but may be used commercially through their API (that is what the API is sold for); open-source
    /// (OSI) licences allow both. For open weights the id decides commercial use; an open-weights model whose licence
    /// is not named or not recognised can be self-hosted (its weights are published to be run) but its commercial use
    /// is unknown.
    /// </summary>
    /// <param name="licence">The catalog's licence class.</param>
    /// <param name="licenceId">The SPDX id or the licence's own name, as the catalog stores it.</param>
    public static LicenceTerms Of(LicenceClass licence, string? licenceId)
    {
        var id = licenceId?.Trim().ToLowerInvariant() ?? "";
        return licence switch
        {
            LicenceClass.Proprietary => new(false, true, "proprietary: no downloadable weights; commercial use under the provider's API terms"),
            LicenceClass.OpenSource => new(true, true, $"open source ({Named(licenceId, "an OSI-approved licence")}): self-hosting and commercial use allowed"),
            LicenceClass.OpenWeights => OpenWeights(id, licenceId),
            _ => new(null, null, "licence unknown: no source states it"),
        };
    }

    private static LicenceTerms OpenWeights(string id, string? original)
    {
        var name = Named(original, "a licence");
        if (id.Length == 0)
        {
            return new(true, null, "open weights under a licence no source names: commercial use unknown");
        }

        // Non-commercial terms first: "Mistral Research License (MRL) for research; Mistral Commercial License for
        // commercial use" names both and only the research one comes with the weights.
        if (id.Contains("-nc-", StringComparison.Ordinal) || id.EndsWith("-nc", StringComparison.Ordinal) || id.Contains("non-commercial", StringComparison.Ordinal)
            || id.Contains("noncommercial", StringComparison.Ordinal) || id.Contains("research", StringComparison.Ordinal)
            || id is "mrl" or "mnpl-0.1" || id.StartsWith("mnpl", StringComparison.Ordinal))
        {
            return new(true, false, $"open weights ({name}): research or non-commercial use only");
        }

        if (IsOsi(id))
        {
            return new(true, true, $"open weights under an OSI licence ({name}): self-hosting and commercial use allowed");
        }

        if (id.StartsWith("llama", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): commercial use allowed, but services with more than 700 million monthly active users need Meta's permission");
        }

        if (id.StartsWith("gemma", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): commercial use allowed under Gemma's prohibited-use policy");
        }

        if (id.StartsWith("qwen", StringComparison.Ordinal) || id.StartsWith("tongyi-qianwen", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): commercial use allowed; over 100 million monthly active users needs Alibaba's licence");
        }

        if (id.StartsWith("deepseek", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): commercial use allowed under its use-based restrictions");
        }

        if (id.StartsWith("modified mit", StringComparison.Ordinal) || id.StartsWith("mit +", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): MIT with an attribution clause for very large products; commercial use allowed");
        }

        if (id.StartsWith("jamba open model", StringComparison.Ordinal))
        {
            return new(true, true, $"open weights ({name}): commercial use allowed for organisations under AI21's revenue threshold");
        }

        return new(true, null, $"open weights ({name}): licence not recognised, commercial use unknown");
    }

    /// <summary>OSI-approved licences models are published under (SPDX ids, lower case).</summary>
    private static bool IsOsi(string id) =>
        id is "apache-2.0" or "apache 2.0" or "mit" or "bsd-2-clause" or "bsd-3-clause" or "mpl-2.0" or "isc" or "0bsd" or "upl-1.0"
        || id.StartsWith("gpl-", StringComparison.Ordinal) || id.StartsWith("lgpl-", StringComparison.Ordinal) || id.StartsWith("agpl-", StringComparison.Ordinal);

    private static string Named(string? licenceId, string otherwise) => string.IsNullOrWhiteSpace(licenceId) ? otherwise : licenceId.Trim();
}

using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.Common;

/// <summary>A licence as a source names it, classified: the class people filter by and the id shown.</summary>
/// <param name="Class">Proprietary, open weights or open source.</param>
/// <param name="Id">SPDX id for the OSI licences and for "Proprietary"; otherwise the source's own words.</param>
internal sealed record LicenceInfo(LicenceClass Class, string Id);

/// <summary>
/// Classifies free-text licence names (LMArena's map, LLMStats): "Proprietary" → proprietary; an OSI-approved
/// licence (as <see cref="OsiLicences"/> knows them, the list models.dev's importer uses too) → open source under its
/// SPDX id; any other named licence (Llama
/// community licences, Gemma, Qwen, CC-BY-NC, MRL, "Modified MIT", "Open", …) → open weights under the source's
/// name. Both sources name a licence only for weights that are published, so a named non-OSI licence means open
/// weights with conditions, never "open source".
/// </summary>
internal static class LicenceText
{
    // "Propretary" is LMArena's own spelling for one model (claude-3-5-haiku-20241022).
    private static readonly HashSet<string> Closed = new(StringComparer.Ordinal) { "proprietary", "propretary" };

    public static LicenceInfo? Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var key = Key(trimmed);
        if (Closed.Contains(key))
        {
            return new LicenceInfo(LicenceClass.Proprietary, "Proprietary");
        }

        return OsiLicences.SpdxId(key) is { } spdx
            ? new LicenceInfo(LicenceClass.OpenSource, spdx)
            : new LicenceInfo(LicenceClass.OpenWeights, trimmed);
    }

    /// <summary>Lower case, "license" dropped from the end, spaces as dashes: "Apache 2.0" and "MIT License" meet "apache-2.0" and "mit".</summary>
    private static string Key(string text)
    {
        var key = text.ToLowerInvariant();
        foreach (var suffix in (string[])[" license", " licence"])
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
            }
        }

        return string.Join('-', key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

namespace Modelwatch.Import.Catalog;

/// <summary>
/// Whether a licence a source names is OSI-approved, which makes open weights open source
/// (<see cref="Core.Catalog.LicenceClass.OpenSource"/>). Knows the SPDX ids of the OSI-approved licences model
/// weights are actually published under, and the usual spellings of them; anything else (Llama, Gemma, CC-BY-NC,
/// "other", a custom name) is not OSI-approved as far as the catalog can tell.
/// </summary>
public static class OsiLicences
{
    /// <summary>Lower-case SPDX id → the id as SPDX writes it.</summary>
    private static readonly Dictionary<string, string> Approved = new[]
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MPL-2.0", "GPL-2.0", "GPL-3.0", "LGPL-2.1",
        "LGPL-3.0", "AGPL-3.0", "0BSD", "Unlicense", "Zlib", "EPL-2.0", "BSL-1.0", "Artistic-2.0", "UPL-1.0",
        "MS-PL", "NCSA", "PostgreSQL", "OSL-3.0",
    }.ToDictionary(id => id.ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["apache"] = "apache-2.0",
        ["apache2"] = "apache-2.0",
        ["apache-2"] = "apache-2.0",
        ["apache-license-2.0"] = "apache-2.0",
        ["apache-license-version-2.0"] = "apache-2.0",
        ["apache-2.0-license"] = "apache-2.0",
        ["mit-license"] = "mit",
        ["the-mit-license"] = "mit",
        ["bsd-3"] = "bsd-3-clause",
        ["bsd-2"] = "bsd-2-clause",
        ["gplv3"] = "gpl-3.0",
        ["gplv2"] = "gpl-2.0",
        ["agplv3"] = "agpl-3.0",
    };

    /// <summary>True when <paramref name="licence"/> (an SPDX id or a common spelling, any case) is OSI-approved.</summary>
    public static bool IsApproved(string? licence) => SpdxId(licence) is not null;

    /// <summary>The SPDX id as SPDX writes it (<c>Apache-2.0</c>) when <paramref name="licence"/> is OSI-approved, else null.</summary>
    public static string? SpdxId(string? licence) => Normalise(licence) is { } id ? Approved.GetValueOrDefault(id) : null;

    /// <summary>The lower-case SPDX id for a known spelling, the lower-cased text otherwise, null for blank.</summary>
    public static string? Normalise(string? licence)
    {
        if (string.IsNullOrWhiteSpace(licence))
        {
            return null;
        }

        var id = string.Join('-', licence.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var suffix in (string[])["-only", "-or-later", "+"])
        {
            if (id.EndsWith(suffix, StringComparison.Ordinal))
            {
                id = id[..^suffix.Length];
            }
        }

        return Spellings.GetValueOrDefault(id, id);
    }
}

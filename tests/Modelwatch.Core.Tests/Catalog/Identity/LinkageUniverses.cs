using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Core.Tests.Catalog.Identity;

/// <summary>
/// The two targets of the measurement as identity indexes, built once: models.dev (231 lab models as canonical
/// models, 5,307 offerings — with <c>base_model</c> as aliases, without it matched or kept as provisional models) and
/// LiteLLM (its keys, grouped into provisional models by the same matcher).
/// </summary>
internal static class LinkageUniverses
{
    private static readonly Lazy<ModelIdentityIndex> ModelsDevIndex = new(BuildModelsDev);
    private static readonly Lazy<ModelIdentityIndex> LiteLlmIndex = new(BuildLiteLlm);

    /// <summary>The source name of a models.dev offering's alias: one per provider, so ids stay apart.</summary>
    public static string OfferingSource(string provider) => $"{CatalogSources.ModelsDev}/{provider}";

    public static ModelIdentityIndex ModelsDev()
    {
        CatalogFixtures.ModelsDevLabModels();
        return ModelsDevIndex.Value;
    }

    public static ModelIdentityIndex LiteLlm()
    {
        CatalogFixtures.LiteLlmKeys();
        return LiteLlmIndex.Value;
    }

    /// <summary>The repository's overrides, as the tools ship them.</summary>
    public static IReadOnlyList<IdentityOverride> Overrides() => IdentityOverridesFile.LoadEmbedded();

    private static ModelIdentityIndex BuildModelsDev() =>
        IdentityIndexBuilder.Build(
            CatalogFixtures.ModelsDevLabModels().Select(m => new KnownModel(m.Id) { DisplayName = m.Name }),
            CatalogFixtures.ModelsDevOfferings().Select(o => new CatalogName(OfferingSource(o.Provider), o.Id)
            {
                CanonicalId = o.BaseModel,
                DisplayName = o.Name,
            }));

    private static ModelIdentityIndex BuildLiteLlm() =>
        IdentityIndexBuilder.Build([], CatalogFixtures.LiteLlmKeys().Select(k => new CatalogName(CatalogSources.LiteLlm, k)));
}

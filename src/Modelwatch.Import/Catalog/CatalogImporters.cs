using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// The importers by source name, for <c>modelwatch catalog import &lt;source&gt;</c> and the web app's sync.
/// <see cref="CreateDefault"/> lists every importer the product ships; add a new one there.
/// </summary>
public sealed class CatalogImporters
{
    private readonly Dictionary<string, ICatalogImporter> _bySource;

    public CatalogImporters(IEnumerable<ICatalogImporter> importers)
    {
        ArgumentNullException.ThrowIfNull(importers);
        _bySource = new Dictionary<string, ICatalogImporter>(StringComparer.OrdinalIgnoreCase);
        foreach (var importer in importers)
        {
            if (!_bySource.TryAdd(importer.Source, importer))
            {
                throw new ArgumentException($"two importers for the source '{importer.Source}'", nameof(importers));
            }
        }
    }

    /// <summary>
    /// Every importer the product ships. <paramref name="asOf"/> dates data whose file does not say when it was
    /// published or fetched (an LMArena board, an OpenRouter response); null leaves it to the file name.
    /// </summary>
    public static CatalogImporters CreateDefault(TimeProvider time, DateOnly? asOf = null) => new(
    [
        new ModelsDev.ModelsDevImporter(),
        new LlmStats.LlmStatsImporter(),
        new OpenRouter.OpenRouterImporter(time, new OpenRouter.OpenRouterImportOptions { RetrievedOn = asOf }),
        new LmArena.LmArenaImporter(new LmArena.LmArenaImportOptions { PublishedOn = asOf }),
        new GenAiPrices.GenAiPricesImporter(),
        new LiteLlm.LiteLlmImporter(),
        new Aider.AiderImporter(),
    ]);

    /// <summary>The registered source names, in <see cref="CatalogSources.All"/> order, then any others.</summary>
    public IReadOnlyList<string> Sources =>
        _bySource.Keys.OrderBy(s => CatalogSources.All.ToList().IndexOf(s) is var i and >= 0 ? i : int.MaxValue).ThenBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>The importer for <paramref name="source"/>, or null when none is registered.</summary>
    public ICatalogImporter? Find(string source) => _bySource.GetValueOrDefault(source);
}

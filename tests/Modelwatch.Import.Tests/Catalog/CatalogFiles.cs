using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Import.Tests.Catalog;

/// <summary>The catalog fixtures in ../shared and short reads of them for tests.</summary>
internal static class CatalogFiles
{
    public const string LiteLlm = "data/catalog/litellm-model_prices_and_context_window.json";

    public const string GenAiPrices = "data/catalog/genai-prices-data.json";

    public static CatalogBatch Read(ICatalogImporter importer, string path)
    {
        using var input = CatalogInput.FromPath(path);
        return importer.Read(input, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads expecting the whole source to be refused.</summary>
    public static CatalogSourceException Fails(ICatalogImporter importer, string path) =>
        Assert.Throws<CatalogSourceException>(() => Read(importer, path));

    /// <summary>A line and byte of <paramref name="text"/> as people count them (from one), for checking error positions.</summary>
    public static (int Line, int Byte) Position(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', index - 1) + 1;
        var line = text.AsSpan(0, index).Count('\n') + 1;
        return (line, System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(lineStart, index - lineStart)) + 1);
    }
}

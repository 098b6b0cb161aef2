using System.Text.Json.Nodes;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.OpenRouter;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.OpenRouter;

/// <summary>Bad records are reported and skipped or thinned; a file that cannot be read fails the whole source.</summary>
public sealed class OpenRouterBadInputTests
{
    private static readonly OpenRouterImporter Importer = new(new FixedTime(DateTimeOffset.UnixEpoch));

    [Fact]
    public void Bad_records_are_reported_with_file_and_path_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        var response = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFixtures.OpenRouterFile)))!;
        var data = response["data"]!.AsArray();
        data[0]!["pricing"]!["prompt"] = "fourteen cents"; // deepseek/deepseek-v4-flash-0731
        data[1]!.AsObject().Remove("id");                  // thinkingmachines/inkling-small
        data[2]!["created"] = "yesterday";                 // qwen/qwen3.7-flash
        data[3] = 42;                                       // anthropic/claude-opus-5-fast
        var path = dir.File("broken-records.json");
        File.WriteAllText(path, response.ToJsonString());
        using var input = CatalogInput.FromPath(path);

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(4, batch.Problems.Count);
        Assert.Contains(batch.Problems, p => p.Location == "broken-records.json $.data[0].pricing.prompt" &&
            p.Message.Contains("deepseek/deepseek-v4-flash-0731", StringComparison.Ordinal) && p.Message.Contains("\"fourteen cents\"", StringComparison.Ordinal) &&
            p.Message.Contains("expected a decimal number", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "broken-records.json $.data[1].id" && p.Message.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "broken-records.json $.data[2].created" && p.Message.Contains("expected a whole number", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "broken-records.json $.data[3]" && p.Message.Contains("expected a model object", StringComparison.Ordinal));

        // Two entries dropped; the bad fields of the other two read as absent, everything else as usual.
        Assert.Equal(39, batch.Offerings.Count);
        var flash = Assert.Single(batch.Offerings.Single(o => o.ProviderModelId == "deepseek/deepseek-v4-flash-0731").Prices).Prices;
        Assert.Null(flash.Input);
        Assert.Equal(0.28m, flash.Output);
        var qwen = CatalogFixtures.Model(batch, "qwen/qwen3.7-flash");
        Assert.Null(qwen.ReleaseDate);
        Assert.Equal(1_000_000, qwen.ContextWindow);
    }

    [Fact]
    public void A_truncated_file_fails_with_its_name_and_line()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(SharedData.File(CatalogFixtures.OpenRouterFile));
        var path = dir.File("cut.json");
        File.WriteAllText(path, text[..(text.Length / 2)]);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.StartsWith("cut.json:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"models\": []}")]
    [InlineData("{\"data\": {}}")]
    [InlineData("\"data\"")]
    public void Json_of_another_shape_fails(string json)
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.json");
        File.WriteAllText(path, json);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Contains("other.json: not an OpenRouter model list", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_an_OpenRouter_response()
    {
        using var dir = new TempDirectory();
        using var input = CatalogInput.FromPath(dir.Path);
        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
    }
}

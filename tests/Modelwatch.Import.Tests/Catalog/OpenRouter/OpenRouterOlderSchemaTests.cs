using System.Text.Json.Nodes;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.OpenRouter;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.OpenRouter;

/// <summary>
/// The older schema generation (2024 to early 2025). No saved response of that age is in ../shared, so the
/// fixture is made here from real records of the 2026 response with every newer field removed, in the shape
/// public code of that time saved (e.g. a February 2025 record of perplexity/r1-1776): <c>architecture</c> with
/// only <c>modality</c> ("text+image->text"), <c>tokenizer</c> and <c>instruct_type</c>; <c>pricing</c> with
/// <c>image</c> and <c>request</c>; no <c>hugging_face_id</c>, <c>canonical_slug</c>, <c>supported_parameters</c>,
/// <c>reasoning</c>, <c>benchmarks</c>, <c>alias_target</c>, <c>knowledge_cutoff</c>, <c>expiration_date</c>.
/// </summary>
public sealed class OpenRouterOlderSchemaTests
{
    private static readonly string[] NewerFields =
    [
        "canonical_slug", "hugging_face_id", "supported_parameters", "default_parameters", "supported_voices",
        "knowledge_cutoff", "expiration_date", "links", "benchmarks", "reasoning", "alias_target",
    ];

    [Fact]
    public void An_older_record_gives_the_same_prices_and_limits_and_leaves_the_newer_facts_unknown()
    {
        using var dir = new TempDirectory();
        var path = OlderResponse(dir, "z-ai/glm-5.2", "anthropic/claude-opus-5");
        using var input = CatalogInput.FromPath(path);
        var older = new OpenRouterImporter(new FixedTime(DateTimeOffset.UnixEpoch)).Read(input, TestContext.Current.CancellationToken);
        using var newerInput = Input(CatalogFixtures.OpenRouterFile);
        var newer = new OpenRouterImporter(new FixedTime(DateTimeOffset.UnixEpoch)).Read(newerInput, TestContext.Current.CancellationToken);

        Assert.Empty(older.Problems);
        Assert.Equal(2, older.Models.Count);
        Assert.Empty(older.BenchmarkScores);
        Assert.Empty(older.LeaderboardEntries);

        var glm = Model(older, "z-ai/glm-5.2");
        var glmNewer = Model(newer, "z-ai/glm-5.2");

        // What both generations say is read alike.
        Assert.Equal(glmNewer.DisplayName, glm.DisplayName);
        Assert.Equal(glmNewer.ContextWindow, glm.ContextWindow);
        Assert.Equal(glmNewer.ReleaseDate, glm.ReleaseDate);
        Assert.Equal(["text"], glm.InputModalities);
        Assert.Equal(["text"], glm.OutputModalities);
        var prices = Assert.Single(Single(older.Offerings, o => o.ProviderModelId == "z-ai/glm-5.2", "offering").Prices).Prices;
        var pricesNewer = Assert.Single(Single(newer.Offerings, o => o.ProviderModelId == "z-ai/glm-5.2", "offering").Prices).Prices;
        Assert.True(prices.SamePricesAs(pricesNewer));
        Assert.Equal(128_000, Single(older.Offerings, o => o.ProviderModelId == "z-ai/glm-5.2", "offering").MaxOutputTokens);

        // What only the newer one says is unknown, not "no": no licence, no weights, no reasoning or tools flag.
        Assert.Null(glm.Licence);
        Assert.Null(glm.WeightsUrl);
        Assert.Null(glm.Reasoning);
        Assert.Null(glm.ToolCalling);
        Assert.Null(glm.KnowledgeCutoff);

        // The modality string is split into inputs and outputs; "file" is stored as "pdf" as in the newer lists.
        var opus = Model(older, "anthropic/claude-opus-5");
        Assert.Equal(["text", "image", "pdf"], opus.InputModalities);
        Assert.Equal(["text"], opus.OutputModalities);
        Assert.Null(opus.Licence);
    }

    /// <summary>Real records of the 2026 response, cut back to the older schema, as <c>{"data": [...]}</c> in a file.</summary>
    private static string OlderResponse(TempDirectory dir, params string[] ids)
    {
        var response = JsonNode.Parse(File.ReadAllText(SharedData.File(CatalogFixtures.OpenRouterFile)))!;
        var data = new JsonArray();
        foreach (var record in response["data"]!.AsArray().Where(r => ids.Contains((string?)r!["id"])))
        {
            var old = record!.DeepClone().AsObject();
            foreach (var field in NewerFields)
            {
                old.Remove(field);
            }

            var architecture = old["architecture"]!.AsObject();
            architecture.Remove("input_modalities");
            architecture.Remove("output_modalities");
            var pricing = old["pricing"]!.AsObject();
            pricing["image"] = "0";
            pricing["request"] = "0";
            data.Add(old);
        }

        Assert.Equal(ids.Length, data.Count);
        var path = dir.File("openrouter-models-older.json");
        File.WriteAllText(path, new JsonObject { ["data"] = data }.ToJsonString());
        return path;
    }
}

using Modelwatch.Core.Catalog;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.ModelsDev;

/// <summary>
/// models.dev's generated api.json, in the shape https://models.dev/api.json has: providers by id, each with
/// id, name, env, npm, api (OpenAI-compatible hosts), doc and its models by id, base_model already merged in.
/// </summary>
public class ModelsDevApiJsonTests
{
    private const string ApiJson = """
        {
          "openai": {
            "id": "openai", "env": ["OPENAI_API_KEY"], "npm": "@ai-sdk/openai", "name": "OpenAI",
            "doc": "https://platform.openai.com/docs/models",
            "models": {
              "gpt-5": {
                "id": "gpt-5", "name": "GPT-5", "family": "gpt", "attachment": true, "reasoning": true,
                "tool_call": true, "structured_output": true, "temperature": false, "knowledge": "2024-09-30",
                "release_date": "2025-08-07", "last_updated": "2025-08-07",
                "modalities": { "input": ["text", "image"], "output": ["text"] }, "open_weights": false,
                "cost": { "input": 1.25, "output": 10, "cache_read": 0.125 },
                "limit": { "context": 400000, "input": 272000, "output": 128000 },
                "reasoning_options": [{ "type": "effort", "values": ["minimal", "low", "medium", "high"] }]
              },
              "gpt-5.4": {
                "id": "gpt-5.4", "name": "GPT-5.4", "family": "gpt", "attachment": true, "reasoning": true,
                "tool_call": true, "release_date": "2026-03-05", "last_updated": "2026-03-05",
                "modalities": { "input": ["text", "image", "pdf"], "output": ["text"] }, "open_weights": false,
                "cost": {
                  "input": 2.5, "output": 15, "cache_read": 0.25,
                  "tiers": [{ "input": 5, "output": 22.5, "cache_read": 0.5, "tier": { "type": "context", "size": 272000 } }],
                  "context_over_200k": { "input": 5, "output": 22.5, "cache_read": 0.5 }
                },
                "limit": { "context": 1050000, "input": 922000, "output": 128000 }
              }
            }
          },
          "deepinfra": {
            "id": "deepinfra", "env": ["DEEPINFRA_API_KEY"], "npm": "@ai-sdk/deepinfra", "name": "Deep Infra",
            "doc": "https://deepinfra.com/models", "api": "https://api.deepinfra.com/v1/openai",
            "models": {
              "Qwen/Qwen3-235B-A22B-Instruct-2507": {
                "id": "Qwen/Qwen3-235B-A22B-Instruct-2507", "name": "Qwen3 235B A22B Instruct 2507", "family": "qwen",
                "attachment": false, "reasoning": false, "tool_call": true, "release_date": "2025-07",
                "last_updated": "2025-07", "modalities": { "input": ["text"], "output": ["text"] },
                "open_weights": true, "status": "deprecated",
                "cost": { "input": 0.09, "output": 0.6, "context_over_200k": { "input": 0.18, "output": 1.2 } },
                "limit": { "context": 262144, "output": 16384 }
              }
            }
          }
        }
        """;

    [Fact]
    public void Each_model_is_an_offering_and_a_model_of_its_provider()
    {
        var batch = Read(ApiJson);

        Assert.Empty(batch.Problems);
        Assert.Null(batch.SourceVersion);
        Assert.Empty(batch.BenchmarkScores);
        Assert.Equal(3, batch.Offerings.Count);
        Assert.Equal(3, batch.Models.Count);
        Assert.All(batch.Offerings, o => Assert.Equal($"{o.Provider}/{o.ProviderModelId}", o.ModelRef));
        Assert.All(batch.Offerings, o => Assert.Null(o.CanonicalId));
        Assert.Equal(
            [new SourceProvider("deepinfra", "Deep Infra") { DocUrl = "https://deepinfra.com/models", ApiUrl = "https://api.deepinfra.com/v1/openai" },
             new SourceProvider("openai", "OpenAI") { DocUrl = "https://platform.openai.com/docs/models" }],
            batch.Providers);
    }

    [Fact]
    public void Prices_limits_and_facts_map_as_in_the_TOML_tree()
    {
        var batch = Read(ApiJson);

        var gpt5 = batch.Offering("openai", "gpt-5");
        var prices = Assert.Single(gpt5.Prices).Prices;
        Assert.Equal((1.25m, 10m, 0.125m), (prices.Input!.Value, prices.Output!.Value, prices.CacheRead!.Value));
        Assert.Equal((400_000, 272_000, 128_000), (gpt5.ContextWindow!.Value, gpt5.MaxInputTokens!.Value, gpt5.MaxOutputTokens!.Value));
        Assert.Equal(["minimal", "low", "medium", "high"], gpt5.ReasoningEfforts);

        var model = batch.Model("openai/gpt-5");
        Assert.Null(model.CanonicalId);
        Assert.Equal("openai", model.Lab);
        Assert.Equal(("GPT-5", "gpt", "2024-09-30"), (model.DisplayName, model.Family, model.KnowledgeCutoff));
        Assert.Equal(new DateOnly(2025, 8, 7), model.ReleaseDate);
        Assert.Equal(LicenceClass.Proprietary, model.Licence);
        Assert.Equal(["text", "image"], model.InputModalities);
        Assert.True(model.Reasoning);
        Assert.True(model.ToolCalling);

        var qwen = batch.Model("deepinfra/Qwen/Qwen3-235B-A22B-Instruct-2507");
        Assert.Null(qwen.Lab);
        Assert.Equal(LicenceClass.OpenWeights, qwen.Licence);
        Assert.Equal(ModelStatus.Deprecated, qwen.Status);
        Assert.Equal(new DateOnly(2025, 7, 1), qwen.ReleaseDate);
    }

    [Fact]
    public void Context_tiers_win_over_the_legacy_200k_table_which_counts_only_alone()
    {
        var batch = Read(ApiJson);

        // The generator copies a tier into context_over_200k for old readers, whatever the tier's size.
        var gpt54 = Assert.Single(batch.Offering("openai", "gpt-5.4").Prices).Prices;
        Assert.Equal([new PriceTier(272_000, 5m, 22.5m, 0.5m)], gpt54.Tiers);

        var qwen = Assert.Single(batch.Offering("deepinfra", "Qwen/Qwen3-235B-A22B-Instruct-2507").Prices).Prices;
        Assert.Equal([new PriceTier(200_000, 0.18m, 1.2m)], qwen.Tiers);
        Assert.Equal(0.09m, qwen.Input);
    }

    [Fact]
    public void A_bad_value_is_reported_by_its_json_path_and_the_rest_imports()
    {
        var json = ApiJson.Replace("\"input\": 1.25", "\"input\": \"1.25\"", StringComparison.Ordinal)
            .Replace("\"context\": 1050000", "\"context\": -1", StringComparison.Ordinal);

        var batch = Read(json);

        Assert.Equal(
            [new RecordProblem("api.json openai.models.gpt-5.cost.input", "expected a number, found the string \"1.25\"."),
             new RecordProblem("api.json openai.models[\"gpt-5.4\"].limit.context", "expected a token count from 0 to 2147483647, found -1.")],
            batch.Problems);
        Assert.Null(Assert.Single(batch.Offering("openai", "gpt-5").Prices).Prices.Input);
        Assert.Null(batch.Offering("openai", "gpt-5.4").ContextWindow);
        Assert.Equal(3, batch.Offerings.Count);
    }

    private static Core.Catalog.CatalogBatch Read(string json)
    {
        using var temp = new TempDirectory();
        var path = temp.File("api.json");
        File.WriteAllText(path, json);
        return ModelsDevData.Read(path);
    }
}

using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

/// <summary>A clock the test moves by hand (prices take effect on its date).</summary>
internal sealed class StepClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void AddDays(int days) => Now = Now.AddDays(days);
}

/// <summary>A matcher that answers from a table and counts the questions; everything else is unmatched.</summary>
internal sealed class TableMatcher(Dictionary<string, IdentityMatch>? answers = null) : IModelMatcher
{
    public List<(string Source, string ExternalId)> Asked { get; } = [];

    public IdentityMatch Match(string source, string externalId, MatchHints hints)
    {
        Asked.Add((source, externalId));
        return answers?.GetValueOrDefault(externalId) ?? IdentityMatch.None($"no answer for {externalId}");
    }
}

/// <summary>Opens a store on a test database: <see cref="ApplyAsync"/> uses a fresh context each time, as the CLI does.</summary>
internal sealed class StoreFixture(TestDatabase database, StepClock clock)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = database;

    public StepClock Clock { get; } = clock;

    public static async Task<StoreFixture> CreateAsync(DatabaseProvider provider) =>
        new(await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken), new StepClock(Start));

    /// <summary>Applies <paramref name="batch"/> with <paramref name="matcher"/>, or the identity matcher over the stored catalog (as the CLI does).</summary>
    public async Task<ImportSummary> ApplyAsync(CatalogBatch batch, IModelMatcher? matcher = null, IEnumerable<IdentityOverride>? overrides = null)
    {
        await using var db = Database.CreateContext();
        matcher ??= await CatalogMatchers.CreateAsync(db, overrides, batch.MatchRules, TestContext.Current.CancellationToken);
        return await new CatalogStore(db, Clock).ApplyAsync(batch, matcher, null, TestContext.Current.CancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<ModelwatchDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }
}

/// <summary>Small batches with meaning: two models.dev models, one price each, and the sources that disagree with them.</summary>
internal static class Batches
{
    public static SourceModel Gpt4o => new("openai/gpt-4o")
    {
        CanonicalId = "openai/gpt-4o",
        Lab = "openai",
        DisplayName = "GPT-4o",
        Organisation = "OpenAI",
        Licence = LicenceClass.Proprietary,
        ContextWindow = 128_000,
        MaxOutputTokens = 16_384,
        InputModalities = ["text", "image"],
        ReleaseDate = new DateOnly(2024, 5, 13),
        ToolCalling = true,
    };

    public static SourceModel Llama => new("meta/llama-3.1-70b-instruct")
    {
        CanonicalId = "meta/llama-3.1-70b-instruct",
        Lab = "meta",
        DisplayName = "Llama 3.1 70B Instruct",
        Licence = LicenceClass.OpenWeights,
        LicenceId = "llama3.1",
        ContextWindow = 131_072,
        WeightsUrl = "https://huggingface.co/meta-llama/Llama-3.1-70B-Instruct",
    };

    public static TokenPrices Prices(decimal input, decimal output) => new() { Input = input, Output = output };

    public static CatalogBatch ModelsDev(params SourceModel[] models) => new(CatalogSources.ModelsDev, "fixtures/models.dev")
    {
        Models = models,
        Offerings =
        [
            new SourceOffering("openai", "gpt-4o", "openai/gpt-4o") { CanonicalId = "openai/gpt-4o", Prices = [new PricePeriod(null, Prices(2.5m, 10m))] },
        ],
    };

    public static CatalogBatch LiteLlm(params SourceOffering[] offerings) => new(CatalogSources.LiteLlm, "fixtures/litellm.json") { Offerings = offerings };
}

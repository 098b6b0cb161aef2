using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

/// <summary>Unique keys and delete rules hold in the database itself, the same on SQLite and PostgreSQL.</summary>
public sealed class CatalogConstraintTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Each builds a row that repeats a sample's unique key (other columns differ).</summary>
    private static readonly Dictionary<string, Func<CatalogSamples, CatalogSamples.Dependents, object>> Duplicates = new()
    {
        ["model id"] = (s, _) => new CatalogModel { Id = s.Model.Id, Lab = "other", CreatedBySource = "x" },
        ["variant (model, name)"] = (s, _) => new ModelVariant { ModelId = s.Model.Id, Name = s.Variant.Name, Kind = VariantKind.Other },
        ["fact (model, field, source, external id)"] = (s, r) => new ModelFactRow { ModelId = s.Model.Id, Field = r.Fact.Field, Source = r.Fact.Source, ExternalId = r.Fact.ExternalId, Value = "other", ImportRunId = r.Fact.ImportRunId },
        ["alias (source, external id)"] = (s, r) => new ModelAlias { Source = r.Alias.Source, ExternalId = r.Alias.ExternalId },
        ["offering (source, provider, provider model id)"] = (s, r) => new Offering { Source = r.Offering.Source, Provider = r.Offering.Provider, ProviderModelId = r.Offering.ProviderModelId, ImportRunId = r.Offering.ImportRunId },
        ["price (offering, effective from)"] = (s, r) => new PriceRow { OfferingId = r.Offering.Id, EffectiveFrom = r.Price.EffectiveFrom, InputPerMillion = 9m, ImportRunId = r.Price.ImportRunId },
        ["dated score (source, external id, benchmark, variant, as of)"] = (s, r) => Score(r.Score, r.Score.Variant, r.Score.AsOf),
        ["rating (board, category, published on, external id)"] = (s, r) => new PublishedRatingRow { Source = "other", Board = r.Rating.Board, Category = r.Rating.Category, PublishedOn = r.Rating.PublishedOn, ExternalId = r.Rating.ExternalId, Rating = 1, ImportRunId = r.Rating.ImportRunId },
        ["source status (source)"] = (s, r) => new SourceStatusRow { Source = r.Status.Source },
    };

    public static TheoryData<DatabaseProvider, string> DuplicateCases
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, string>();
            foreach (var provider in Databases.Both)
            {
                foreach (var name in Duplicates.Keys)
                {
                    data.Add(provider.Data, name);
                }
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(DuplicateCases))]
    public async Task A_repeated_unique_key_is_refused(DatabaseProvider provider, string key)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (samples, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        context.Add(Duplicates[key](samples, rows));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Cancel));

        Assert.True(DatabaseErrors.IsUniqueViolation(error), $"{key} on {provider}: {error.InnerException?.Message}");
        Assert.False(DatabaseErrors.IsForeignKeyViolation(error));
    }

    [Theory, BothDatabases]
    public async Task Undated_scores_are_unique_too_and_variant_empty_is_a_value(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);
        await using (var context = database.CreateContext())
        {
            // Same key as the sample but undated, or with no variant, or both: all distinct keys.
            context.BenchmarkScores.AddRange(
                Score(rows.Score, rows.Score.Variant, asOf: null),
                Score(rows.Score, variant: "", rows.Score.AsOf),
                Score(rows.Score, variant: "", asOf: null));
            await context.SaveChangesAsync(Cancel);
        }

        foreach (var (variant, asOf) in new[] { ("", (DateOnly?)null), (rows.Score.Variant, null), ("", rows.Score.AsOf) })
        {
            await using var context = database.CreateContext();
            context.BenchmarkScores.Add(Score(rows.Score, variant, asOf));
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Cancel));
            Assert.True(DatabaseErrors.IsUniqueViolation(error), $"variant '{variant}', as of {asOf}: {error.InnerException?.Message}");
        }

        await using (var context = database.CreateContext())
        {
            Assert.Equal(4, await context.BenchmarkScores.CountAsync(Cancel));
        }
    }

    [Theory, BothDatabases]
    public async Task Keys_are_case_sensitive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        context.Aliases.Add(new ModelAlias { Source = rows.Alias.Source, ExternalId = rows.Alias.ExternalId.ToUpperInvariant() });
        await context.SaveChangesAsync(Cancel);

        Assert.Equal(2, await context.Aliases.CountAsync(a => a.Source == rows.Alias.Source, Cancel));
    }

    [Theory, BothDatabases]
    public async Task Deleting_a_model_deletes_its_variants_and_facts_and_unlinks_the_rest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (samples, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        // ExecuteDelete skips EF's change tracker: the database's own rules do the work.
        Assert.Equal(1, await context.Models.Where(m => m.Id == samples.Model.Id).ExecuteDeleteAsync(Cancel));

        Assert.Equal(0, await context.Variants.CountAsync(Cancel));
        Assert.Equal(0, await context.Facts.CountAsync(Cancel));
        var alias = await context.Aliases.SingleAsync(Cancel);
        Assert.Null(alias.ModelId);
        Assert.Null(alias.CandidateModelId);
        Assert.Null((await context.Offerings.SingleAsync(Cancel)).ModelId);
        Assert.Null((await context.BenchmarkScores.SingleAsync(Cancel)).ModelId);
        Assert.Null((await context.PublishedRatings.SingleAsync(Cancel)).ModelId);
        Assert.Equal(rows.Price.Id, (await context.Prices.SingleAsync(Cancel)).Id);
    }

    [Theory, BothDatabases]
    public async Task Deleting_an_offering_deletes_its_prices(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        await context.Offerings.Where(o => o.Id == rows.Offering.Id).ExecuteDeleteAsync(Cancel);

        Assert.Equal(0, await context.Prices.CountAsync(Cancel));
    }

    [Theory, BothDatabases]
    public async Task An_import_run_with_facts_cannot_be_deleted_one_without_goes_with_its_problems(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (samples, _) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => context.ImportRuns.Where(r => r.Id == samples.Run.Id).ExecuteDeleteAsync(Cancel));
        Assert.True(DatabaseErrors.IsForeignKeyViolation(refused), refused.Message);

        // Once the rows that cite the run are gone, the run goes, with its problems; the status forgets it.
        await context.Models.ExecuteDeleteAsync(Cancel);
        await context.Offerings.ExecuteDeleteAsync(Cancel);
        await context.BenchmarkScores.ExecuteDeleteAsync(Cancel);
        await context.PublishedRatings.ExecuteDeleteAsync(Cancel);
        Assert.Equal(1, await context.ImportRuns.Where(r => r.Id == samples.Run.Id).ExecuteDeleteAsync(Cancel));
        Assert.Equal(0, await context.ImportProblems.CountAsync(Cancel));
        Assert.Null((await context.SourceStatuses.SingleAsync(Cancel)).LastRunId);
    }

    [Theory, BothDatabases]
    public async Task A_fact_about_a_missing_model_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await CatalogRoundTripTests.SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        context.Facts.Add(new ModelFactRow { ModelId = "nobody/nothing", Field = "x", Value = "1", Source = "s", ExternalId = "e", ImportRunId = rows.Fact.ImportRunId });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Cancel));

        Assert.True(DatabaseErrors.IsForeignKeyViolation(error), error.InnerException?.Message);
        Assert.False(DatabaseErrors.IsUniqueViolation(error));
    }

    private static BenchmarkScoreRow Score(BenchmarkScoreRow like, string variant, DateOnly? asOf) => new()
    {
        Source = like.Source,
        ExternalId = like.ExternalId,
        Benchmark = like.Benchmark,
        Variant = variant,
        AsOf = asOf,
        Score = 1,
        ImportRunId = like.ImportRunId,
    };
}

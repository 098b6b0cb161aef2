using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Modelwatch.Data.Catalog;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

public sealed class CatalogRoundTripTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Saves the samples: the run and the model first, then the rows that point to the run.</summary>
    internal static async Task<(CatalogSamples Samples, CatalogSamples.Dependents Rows)> SaveSamplesAsync(TestDatabase database)
    {
        var samples = new CatalogSamples();
        await using var context = database.CreateContext();
        context.ImportRuns.Add(samples.Run);
        context.Models.Add(samples.Model);
        await context.SaveChangesAsync(Cancel);

        var rows = samples.For(samples.Run.Id);
        context.AddRange(rows.All);
        await context.SaveChangesAsync(Cancel);
        return (samples, rows);
    }

    [Theory, BothDatabases]
    public async Task Every_column_of_every_catalog_entity_reads_back_as_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (samples, rows) = await SaveSamplesAsync(database);
        object[] written = [samples.Run, samples.Problem, samples.Model, samples.Variant, .. rows.All];

        await using var context = database.CreateContext();
        var catalogTypes = context.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace == typeof(CatalogModel).Namespace)
            .Select(e => e.ClrType)
            .ToHashSet();
        Assert.Equal(catalogTypes, written.Select(w => w.GetType()).ToHashSet());

        foreach (var expected in written)
        {
            var entityType = context.Model.FindEntityType(expected.GetType())!;
            var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(expected)).ToArray();
            var actual = await context.FindAsync(expected.GetType(), key, Cancel);
            Assert.NotNull(actual);
            foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                var value = property.PropertyInfo!.GetValue(expected);
                Assert.False(IsDefault(property, value), $"The sample leaves {entityType.DisplayName()}.{property.Name} at its default; set it so the round trip checks it.");
                Assert.True(
                    Equals(value, property.PropertyInfo.GetValue(actual)),
                    $"{entityType.DisplayName()}.{property.Name}: wrote {value}, read {property.PropertyInfo.GetValue(actual)} on {provider}");
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Enums_are_stored_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await SaveSamplesAsync(database);

        await using var context = database.CreateContext();
        var stored = await context.Database
            .SqlQueryRaw<string>("""SELECT "Licence" || ' ' || "Architecture" || ' ' || "Status" AS "Value" FROM "Models" """)
            .SingleAsync(Cancel);
        Assert.Equal("OpenWeights MixtureOfExperts Deprecated", stored);
        Assert.Equal(1, await context.Aliases.CountAsync(a => a.Review == Core.Catalog.ReviewState.Accepted, Cancel));
    }

    [Theory, BothDatabases]
    public async Task Instants_read_back_in_utc_to_the_microsecond(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using (var context = database.CreateContext())
        {
            context.SourceStatuses.Add(new SourceStatusRow
            {
                Source = "one",
                LastAttemptAt = new DateTimeOffset(2025, 3, 4, 12, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567),
            });
            await context.SaveChangesAsync(Cancel);
        }

        await using (var context = database.CreateContext())
        {
            var read = (await context.SourceStatuses.SingleAsync(Cancel)).LastAttemptAt!.Value;
            Assert.Equal(TimeSpan.Zero, read.Offset);
            Assert.Equal(new DateTime(2025, 3, 4, 10, 30, 15, DateTimeKind.Unspecified).AddTicks(1_234_560), read.DateTime);
        }
    }

    [Theory, BothDatabases]
    public async Task Instants_compare_and_order_by_instant_in_sql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var noon = new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);
        await using (var context = database.CreateContext())
        {
            // Written with different offsets: by wall clock "b" is earliest, by instant it is the latest.
            context.SourceStatuses.AddRange(
                new SourceStatusRow { Source = "a", LastAttemptAt = noon.ToOffset(TimeSpan.FromHours(5)) },
                new SourceStatusRow { Source = "b", LastAttemptAt = noon.AddMinutes(1).ToOffset(TimeSpan.FromHours(-8)) },
                new SourceStatusRow { Source = "c", LastAttemptAt = noon.AddTicks(-10) });
            await context.SaveChangesAsync(Cancel);
        }

        await using (var context = database.CreateContext())
        {
            var ordered = await context.SourceStatuses.OrderBy(s => s.LastAttemptAt).Select(s => s.Source).ToListAsync(Cancel);
            Assert.Equal(["c", "a", "b"], ordered);
            var atOrAfterNoon = await context.SourceStatuses.Where(s => s.LastAttemptAt >= noon).Select(s => s.Source).OrderBy(s => s).ToListAsync(Cancel);
            Assert.Equal(["a", "b"], atOrAfterNoon);
            var latest = await context.SourceStatuses.MaxAsync(s => s.LastAttemptAt, Cancel);
            Assert.Equal(noon.AddMinutes(1), latest);
        }
    }

    [Theory, BothDatabases]
    public async Task Prices_keep_six_decimal_places_and_compare_in_sql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await SaveSamplesAsync(database);
        await using (var context = database.CreateContext())
        {
            context.Prices.AddRange(
                new PriceRow { OfferingId = rows.Offering.Id, EffectiveFrom = new DateOnly(2025, 9, 1), InputPerMillion = 1.2345675m, OutputPerMillion = 2.500m, ImportRunId = rows.Price.ImportRunId },
                new PriceRow { OfferingId = rows.Offering.Id, EffectiveFrom = new DateOnly(2025, 10, 1), InputPerMillion = 0.0000004m, OutputPerMillion = 10m, ImportRunId = rows.Price.ImportRunId });
            await context.SaveChangesAsync(Cancel);
        }

        await using (var context = database.CreateContext())
        {
            var read = await context.Prices.OrderBy(p => p.EffectiveFrom).ToListAsync(Cancel);
            Assert.Equal([0.15m, 1.234568m, 0m], read.Select(p => p.InputPerMillion));
            Assert.Equal(["0.6", "2.5", "10"], read.Select(p => p.OutputPerMillion!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            var cheapFirst = await context.Prices.Where(p => p.InputPerMillion < 1m).OrderBy(p => p.InputPerMillion).Select(p => p.EffectiveFrom).ToListAsync(Cancel);
            Assert.Equal([new DateOnly(2025, 10, 1), new DateOnly(2025, 4, 5)], cheapFirst);
            var dearestOutput = await context.Prices.OrderByDescending(p => p.OutputPerMillion).Select(p => p.OutputPerMillion).FirstAsync(Cancel);
            Assert.Equal(10m, dearestOutput);
        }
    }

    [Theory, BothDatabases]
    public async Task Dates_compare_and_order_in_sql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (_, rows) = await SaveSamplesAsync(database);
        await using var context = database.CreateContext();

        var inEffectOnJune1 = await context.Prices
            .Where(p => p.EffectiveFrom <= new DateOnly(2025, 6, 1) && (p.EffectiveTo == null || p.EffectiveTo > new DateOnly(2025, 6, 1)))
            .Select(p => p.Id)
            .ToListAsync(Cancel);
        Assert.Equal([rows.Price.Id], inEffectOnJune1);
        var inEffectOnSeptember1 = await context.Prices
            .Where(p => p.EffectiveFrom <= new DateOnly(2025, 9, 1) && (p.EffectiveTo == null || p.EffectiveTo > new DateOnly(2025, 9, 1)))
            .CountAsync(Cancel);
        Assert.Equal(0, inEffectOnSeptember1);
    }

    private static bool IsDefault(IProperty property, object? value) =>
        value is null || (property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null && value.Equals(Activator.CreateInstance(property.ClrType)));
}

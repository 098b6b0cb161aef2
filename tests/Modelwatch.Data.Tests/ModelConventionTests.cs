using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Modelwatch.Data.Catalog;

namespace Modelwatch.Data.Tests;

/// <summary>Rules every catalog column follows, checked on the built model of each provider.</summary>
public sealed class ModelConventionTests
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory, MemberData(nameof(Providers))]
    public void Catalog_enums_are_stored_as_text_and_instants_and_decimals_converted(DatabaseProvider provider)
    {
        using var context = ContextFor(provider);
        var properties = context.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace == typeof(CatalogModel).Namespace)
            .SelectMany(e => e.GetProperties())
            .ToList();

        var enums = properties.Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum).ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, p =>
        {
            Assert.True(StoredAs(p) == typeof(string), $"{p.DeclaringType.DisplayName()}.{p.Name} is stored as {StoredAs(p).Name}, not by name");
            Assert.Equal(32, p.GetMaxLength());
        });

        var instants = properties.Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTimeOffset)).ToList();
        Assert.NotEmpty(instants);
        Assert.All(instants, p => Assert.Equal(
            provider == DatabaseProvider.Sqlite ? typeof(UtcTicksConverter) : typeof(UtcConverter),
            ((IProperty)p).GetTypeMapping().Converter?.GetType()));

        var decimals = properties.Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal)).ToList();
        Assert.NotEmpty(decimals);
        Assert.All(decimals, p =>
        {
            Assert.Equal(18, p.GetPrecision());
            Assert.Equal(6, p.GetScale());
            Assert.IsType<DecimalScaleConverter>(p.GetTypeMapping().Converter);
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_text_column_in_an_index_has_a_length(DatabaseProvider provider)
    {
        using var context = ContextFor(provider);
        var indexed = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties).Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => p.ClrType == typeof(string))
            .Distinct()
            .ToList();

        Assert.NotEmpty(indexed);
        Assert.All(indexed, p => Assert.True(p.GetMaxLength() is > 0, $"{p.DeclaringType.DisplayName()}.{p.Name} is indexed text without a maximum length"));
    }

    /// <summary>The type the provider writes, after any converter (set directly or by a convention).</summary>
    private static Type StoredAs(IReadOnlyProperty property)
    {
        var mapping = ((IProperty)property).GetTypeMapping();
        return mapping.Converter?.ProviderClrType ?? mapping.ClrType;
    }

    private static ModelwatchDbContext ContextFor(DatabaseProvider provider) => new(ModelwatchDatabase.BuildOptions(
        provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db"))
            : new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=never_opened")));
}

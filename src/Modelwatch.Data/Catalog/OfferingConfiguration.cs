using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Catalog;

/// <summary>
/// Table <c>Offerings</c>: one row per (source, provider, provider's model id). Deleting a model unlinks its
/// offerings (model becomes null) so prices are never lost; deleting an offering deletes its price history.
/// </summary>
internal sealed class OfferingConfiguration : IEntityTypeConfiguration<Offering>
{
    public void Configure(EntityTypeBuilder<Offering> builder)
    {
        builder.ToTable("Offerings");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(o => o.Provider).HasMaxLength(ColumnLengths.Name);
        builder.Property(o => o.ProviderModelId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(o => o.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(o => o.Variant).HasMaxLength(ColumnLengths.Variant);
        builder.Property(o => o.Mode).HasMaxLength(ColumnLengths.Name);

        builder.HasIndex(o => new { o.Source, o.Provider, o.ProviderModelId }).IsUnique();
        builder.HasIndex(o => o.ModelId);
        builder.HasIndex(o => o.ImportRunId);

        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(o => o.ModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(o => o.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Prices).WithOne().HasForeignKey(p => p.OfferingId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Table <c>Prices</c>: one period per (offering, effective from). Prices are <c>numeric(18,6)</c> on PostgreSQL;
/// SQLite keeps decimals as text, so writers round to six places for both to store the same value.
/// </summary>
internal sealed class PriceRowConfiguration : IEntityTypeConfiguration<PriceRow>
{
    public void Configure(EntityTypeBuilder<PriceRow> builder)
    {
        builder.ToTable("Prices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.InputPerMillion).HasPrecision(18, 6);
        builder.Property(p => p.OutputPerMillion).HasPrecision(18, 6);
        builder.Property(p => p.CacheReadPerMillion).HasPrecision(18, 6);
        builder.Property(p => p.CacheWritePerMillion).HasPrecision(18, 6);
        builder.HasIndex(p => new { p.OfferingId, p.EffectiveFrom }).IsUnique();
        builder.HasIndex(p => p.ImportRunId);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(p => p.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Catalog;

/// <summary>Table <c>Models</c>: one row per canonical model; variants and facts go with it when it is deleted.</summary>
internal sealed class CatalogModelConfiguration : IEntityTypeConfiguration<CatalogModel>
{
    public void Configure(EntityTypeBuilder<CatalogModel> builder)
    {
        builder.ToTable("Models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(m => m.Lab).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(m => m.DisplayName).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(m => m.Organisation).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.Family).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.KnowledgeCutoff).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(m => m.Licence).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(m => m.LicenceId).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.LicenceUrl).HasMaxLength(ColumnLengths.Location);
        builder.Property(m => m.WeightsUrl).HasMaxLength(ColumnLengths.Location);
        builder.Property(m => m.Architecture).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(m => m.InputModalities).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.OutputModalities).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(m => m.CreatedBySource).HasMaxLength(ColumnLengths.Source);

        builder.HasIndex(m => m.Lab);

        builder.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Facts).WithOne().HasForeignKey(f => f.ModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>ModelVariants</c>: a variant name is unique within its model.</summary>
internal sealed class ModelVariantConfiguration : IEntityTypeConfiguration<ModelVariant>
{
    public void Configure(EntityTypeBuilder<ModelVariant> builder)
    {
        builder.ToTable("ModelVariants");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(v => v.Name).HasMaxLength(ColumnLengths.Variant);
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(v => new { v.ModelId, v.Name }).IsUnique();
    }
}

/// <summary>
/// Table <c>ModelFacts</c>: one claim per (model, field, source, source's id). The import run that stated it must
/// exist and cannot be deleted while its facts remain (provenance is never lost).
/// </summary>
internal sealed class ModelFactRowConfiguration : IEntityTypeConfiguration<ModelFactRow>
{
    public void Configure(EntityTypeBuilder<ModelFactRow> builder)
    {
        builder.ToTable("ModelFacts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(f => f.Field).HasMaxLength(ColumnLengths.Name);
        builder.Property(f => f.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(f => f.ExternalId).HasMaxLength(ColumnLengths.ExternalId);
        builder.HasIndex(f => new { f.ModelId, f.Field, f.Source, f.ExternalId }).IsUnique();
        builder.HasIndex(f => f.ImportRunId);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(f => f.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

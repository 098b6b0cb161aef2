using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Catalog;

/// <summary>
/// Table <c>ModelAliases</c>: one row per (source, external id). Deleting a model unlinks its aliases (the model
/// and candidate columns become null) instead of deleting them: a merge repoints them first, and an id a source
/// still uses must stay visible.
/// </summary>
internal sealed class ModelAliasConfiguration : IEntityTypeConfiguration<ModelAlias>
{
    public void Configure(EntityTypeBuilder<ModelAlias> builder)
    {
        builder.ToTable("ModelAliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(a => a.ExternalId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(a => a.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(a => a.Variant).HasMaxLength(ColumnLengths.Variant);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(a => a.Review).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(a => a.CandidateModelId).HasMaxLength(ColumnLengths.ModelId);

        builder.HasIndex(a => new { a.Source, a.ExternalId }).IsUnique();
        builder.HasIndex(a => a.ModelId);
        builder.HasIndex(a => a.Review);

        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(a => a.ModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(a => a.CandidateModelId).OnDelete(DeleteBehavior.SetNull);
    }
}

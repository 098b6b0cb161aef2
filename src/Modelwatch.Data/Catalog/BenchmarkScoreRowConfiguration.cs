using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Catalog;

/// <summary>
/// Table <c>BenchmarkScores</c>: one score per (source, source's id, benchmark, variant, as-of date).
/// </summary>
/// <remarks>
/// Both databases treat NULLs in a unique index as distinct (PostgreSQL's <c>NULLS NOT DISTINCT</c> has no SQLite
/// equivalent), so a nullable key column would let duplicates in. <see cref="BenchmarkScoreRow.Variant"/> is never
/// null (<c>""</c> means none); the optional as-of date is covered by two partial unique indexes, one for dated
/// scores and one for undated ones. Both forms behave the same on SQLite and PostgreSQL.
/// </remarks>
internal sealed class BenchmarkScoreRowConfiguration : IEntityTypeConfiguration<BenchmarkScoreRow>
{
    public void Configure(EntityTypeBuilder<BenchmarkScoreRow> builder)
    {
        builder.ToTable("BenchmarkScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(s => s.ExternalId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(s => s.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(s => s.Variant).HasMaxLength(ColumnLengths.Variant);
        builder.Property(s => s.Benchmark).HasMaxLength(ColumnLengths.Name);
        // Free text: LLMStats writes the whole analysis method here (over 200 characters).
        builder.Property(s => s.Metric);
        builder.Property(s => s.SourceUrl).HasMaxLength(ColumnLengths.Location);

        builder.HasIndex(s => new { s.Source, s.ExternalId, s.Benchmark, s.Variant, s.AsOf })
            .IsUnique()
            .HasFilter("\"AsOf\" IS NOT NULL")
            .HasDatabaseName("IX_BenchmarkScores_key_dated");
        builder.HasIndex(s => new { s.Source, s.ExternalId, s.Benchmark, s.Variant })
            .IsUnique()
            .HasFilter("\"AsOf\" IS NULL")
            .HasDatabaseName("IX_BenchmarkScores_key_undated");
        builder.HasIndex(s => new { s.ModelId, s.Benchmark });
        builder.HasIndex(s => s.ImportRunId);

        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Table <c>PublishedRatings</c>: one row per (board, category, publish date, board's model key).</summary>
internal sealed class PublishedRatingRowConfiguration : IEntityTypeConfiguration<PublishedRatingRow>
{
    public void Configure(EntityTypeBuilder<PublishedRatingRow> builder)
    {
        builder.ToTable("PublishedRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(r => r.Board).HasMaxLength(ColumnLengths.Name);
        builder.Property(r => r.Category).HasMaxLength(ColumnLengths.Name);
        builder.Property(r => r.ExternalId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(r => r.ModelId).HasMaxLength(ColumnLengths.ModelId);
        builder.Property(r => r.Variant).HasMaxLength(ColumnLengths.Variant);

        builder.HasIndex(r => new { r.Board, r.Category, r.PublishedOn, r.ExternalId }).IsUnique();
        builder.HasIndex(r => r.ModelId);
        builder.HasIndex(r => r.ImportRunId);

        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(r => r.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

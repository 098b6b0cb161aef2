using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Catalog;

/// <summary>Table <c>ImportRuns</c>; its problems go with it when it is deleted.</summary>
internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(r => r.Location).HasMaxLength(ColumnLengths.Location);
        builder.Property(r => r.SourceVersion).HasMaxLength(ColumnLengths.Name);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(r => new { r.Source, r.StartedAt });
        builder.HasMany(r => r.Problems).WithOne().HasForeignKey(p => p.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>ImportProblems</c>.</summary>
internal sealed class ImportProblemRowConfiguration : IEntityTypeConfiguration<ImportProblemRow>
{
    public void Configure(EntityTypeBuilder<ImportProblemRow> builder)
    {
        builder.ToTable("ImportProblems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Location).HasMaxLength(ColumnLengths.Location);
    }
}

/// <summary>Table <c>SourceStatus</c>, keyed by source name; the last run is unlinked if that run is deleted.</summary>
internal sealed class SourceStatusRowConfiguration : IEntityTypeConfiguration<SourceStatusRow>
{
    public void Configure(EntityTypeBuilder<SourceStatusRow> builder)
    {
        builder.ToTable("SourceStatus");
        builder.HasKey(s => s.Source);
        builder.Property(s => s.Source).HasMaxLength(ColumnLengths.Source);
        builder.Property(s => s.LastOutcome).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(s => s.LastLocation).HasMaxLength(ColumnLengths.Location);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.LastRunId).OnDelete(DeleteBehavior.SetNull);
    }
}

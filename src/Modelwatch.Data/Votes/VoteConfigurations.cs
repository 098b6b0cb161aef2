using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Votes;

/// <summary>Column lengths of the vote tables (PostgreSQL enforces them; SQLite does not).</summary>
internal static class VoteColumnLengths
{
    public const int FileName = 1024;
    public const int Hash = 64;
    public const int Format = 32;
    public const int Model = 512;
    public const int Category = 128;
}

/// <summary>Table <c>VoteDatasets</c>: unique name, unique content hash; models and counts go with a deleted dataset.</summary>
internal sealed class VoteDatasetConfiguration : IEntityTypeConfiguration<VoteDataset>
{
    public void Configure(EntityTypeBuilder<VoteDataset> builder)
    {
        builder.ToTable("VoteDatasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(VoteDataset.MaxNameLength);
        builder.Property(d => d.SourceFileName).HasMaxLength(VoteColumnLengths.FileName);
        builder.Property(d => d.ContentHash).HasMaxLength(VoteColumnLengths.Hash).IsFixedLength();
        builder.Property(d => d.SourceFormat).HasMaxLength(VoteColumnLengths.Format);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasIndex(d => d.ContentHash).IsUnique();
        builder.HasMany(d => d.Models).WithOne().HasForeignKey(m => m.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>VoteModels</c>, keyed by (dataset, index); a name appears once per dataset.</summary>
internal sealed class VoteModelRowConfiguration : IEntityTypeConfiguration<VoteModelRow>
{
    public void Configure(EntityTypeBuilder<VoteModelRow> builder)
    {
        builder.ToTable("VoteModels");
        builder.HasKey(m => new { m.DatasetId, m.Index });
        builder.Property(m => m.Index).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(VoteColumnLengths.Model);
        builder.HasIndex(m => new { m.DatasetId, m.Name }).IsUnique();
    }
}

/// <summary>
/// Table <c>StoredVotes</c>: one packed 64-bit key (see <see cref="StoredVote"/>), no foreign key and no other index, so
/// millions of rows stay small and insert fast. Written by <c>VoteBulkWriter</c>, not by change tracking.
/// </summary>
internal sealed class StoredVoteConfiguration : IEntityTypeConfiguration<StoredVote>
{
    public void Configure(EntityTypeBuilder<StoredVote> builder)
    {
        builder.ToTable("StoredVotes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Winner).HasConversion<short>();
    }
}

/// <summary>Table <c>VotePairCounts</c>, keyed by (dataset, category, model A, model B); goes with its dataset.</summary>
internal sealed class VotePairCountConfiguration : IEntityTypeConfiguration<VotePairCount>
{
    public void Configure(EntityTypeBuilder<VotePairCount> builder)
    {
        builder.ToTable("VotePairCounts");
        builder.HasKey(c => new { c.DatasetId, c.Category, c.ModelA, c.ModelB });
        builder.Property(c => c.Category).HasMaxLength(VoteColumnLengths.Category);
        builder.Ignore(c => c.Total);
        builder.HasOne<VoteDataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

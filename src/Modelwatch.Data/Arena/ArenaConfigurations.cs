using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Arena;

/// <summary>Column lengths of the arena tables (PostgreSQL enforces them; SQLite does not).</summary>
internal static class ArenaColumnLengths
{
    public const int Enum = 32;
    public const int Url = 2048;
    public const int ProtectedKey = 4096;
    public const int Variable = 200;
    public const int Model = 300;
    public const int BoardName = 512;
    public const int CatalogId = 256;
}

internal sealed class ArenaProviderRowConfiguration : IEntityTypeConfiguration<ArenaProviderRow>
{
    public void Configure(EntityTypeBuilder<ArenaProviderRow> builder)
    {
        builder.ToTable("ArenaProviders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(ArenaProviderRow.MaxNameLength);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(p => p.BaseUrl).HasMaxLength(ArenaColumnLengths.Url);
        builder.Property(p => p.ProtectedApiKey).HasMaxLength(ArenaColumnLengths.ProtectedKey);
        builder.Property(p => p.ApiKeyVariable).HasMaxLength(ArenaColumnLengths.Variable);
    }
}

internal sealed class ArenaContestantConfiguration : IEntityTypeConfiguration<ArenaContestant>
{
    public void Configure(EntityTypeBuilder<ArenaContestant> builder)
    {
        builder.ToTable("ArenaContestants");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Provider).HasMaxLength(ArenaProviderRow.MaxNameLength);
        builder.Property(c => c.Model).HasMaxLength(ArenaColumnLengths.Model);
        builder.Property(c => c.BoardName).HasMaxLength(ArenaColumnLengths.BoardName);
        builder.Property(c => c.CatalogModelId).HasMaxLength(ArenaColumnLengths.CatalogId);
        builder.HasIndex(c => new { c.Provider, c.Model }).IsUnique();
        builder.HasIndex(c => c.BoardName).IsUnique();
    }
}

internal sealed class ArenaBattleConfiguration : IEntityTypeConfiguration<ArenaBattle>
{
    public void Configure(EntityTypeBuilder<ArenaBattle> builder)
    {
        builder.ToTable("ArenaBattles");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Mode).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(b => b.Voter).HasMaxLength(ArenaBattle.MaxVoterLength);
        builder.HasIndex(b => new { b.Voter, b.CreatedAt });
        builder.HasIndex(b => b.CreatedAt);
        builder.HasOne<ArenaContestant>().WithMany().HasForeignKey(b => b.ContestantA).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ArenaContestant>().WithMany().HasForeignKey(b => b.ContestantB).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Turns).WithOne().HasForeignKey(t => t.BattleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Answers).WithOne().HasForeignKey(a => a.BattleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArenaTurnConfiguration : IEntityTypeConfiguration<ArenaTurn>
{
    public void Configure(EntityTypeBuilder<ArenaTurn> builder)
    {
        builder.ToTable("ArenaTurns");
        builder.HasKey(t => new { t.BattleId, t.Number });
        builder.Property(t => t.Number).ValueGeneratedNever();
        builder.Property(t => t.PromptHash).HasMaxLength(ArenaTurn.PromptHashLength).IsFixedLength();
        builder.HasIndex(t => t.PromptHash);
    }
}

internal sealed class ArenaAnswerConfiguration : IEntityTypeConfiguration<ArenaAnswer>
{
    public void Configure(EntityTypeBuilder<ArenaAnswer> builder)
    {
        builder.ToTable("ArenaAnswers");
        builder.HasKey(a => new { a.BattleId, a.Turn, a.Side });
        builder.Property(a => a.Side).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(a => a.Reason).HasMaxLength(ArenaAnswer.MaxReasonLength);
    }
}

internal sealed class ArenaVoteConfiguration : IEntityTypeConfiguration<ArenaVote>
{
    public void Configure(EntityTypeBuilder<ArenaVote> builder)
    {
        builder.ToTable("ArenaVotes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(v => v.Exclusion).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
        builder.Property(v => v.Voter).HasMaxLength(ArenaBattle.MaxVoterLength);
        // One vote per turn: the database, not the code, guarantees no vote is stored twice.
        builder.HasIndex(v => new { v.BattleId, v.Turn }).IsUnique();
        builder.HasIndex(v => new { v.Voter, v.CastAt });
        builder.HasIndex(v => v.Exclusion);
        builder.HasOne<ArenaBattle>().WithMany().HasForeignKey(v => v.BattleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArenaVoterFlagConfiguration : IEntityTypeConfiguration<ArenaVoterFlag>
{
    public void Configure(EntityTypeBuilder<ArenaVoterFlag> builder)
    {
        builder.ToTable("ArenaVoterFlags");
        builder.HasKey(f => f.Voter);
        builder.Property(f => f.Voter).HasMaxLength(ArenaBattle.MaxVoterLength);
        builder.Property(f => f.Reason).HasMaxLength(ArenaVoterFlag.MaxReasonLength);
        builder.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(ArenaColumnLengths.Enum);
    }
}

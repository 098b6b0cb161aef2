using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.Evals;

/// <summary>Column lengths shared by the evaluation tables (PostgreSQL enforces them; SQLite does not).</summary>
internal static class EvalColumnLengths
{
    public const int Enum = 32;

    /// <summary>
    /// Scale of a request's cost in USD. Six places (a micro-dollar) rounded a cheap model's answer (7 input and 4
    /// output tokens at $1.50/$6 per million: $0.0000345) by 1.4%, and the error adds up over a run's thousands of answers.
    /// </summary>
    public const int CostScale = 10;

    public const int CostPrecision = 20;
}

internal sealed class EvalPromptSetConfiguration : IEntityTypeConfiguration<EvalPromptSet>
{
    public void Configure(EntityTypeBuilder<EvalPromptSet> builder)
    {
        builder.ToTable("EvalPromptSets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(EvalPromptSet.MaxNameLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.Prompts).WithOne().HasForeignKey(p => p.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvalPromptConfiguration : IEntityTypeConfiguration<EvalPrompt>
{
    public void Configure(EntityTypeBuilder<EvalPrompt> builder)
    {
        builder.ToTable("EvalPrompts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Key).HasMaxLength(EvalPrompt.MaxKeyLength);
        builder.HasIndex(p => new { p.SetId, p.Key }).IsUnique();
    }
}

internal sealed class EvalRunConfiguration : IEntityTypeConfiguration<EvalRun>
{
    public void Configure(EntityTypeBuilder<EvalRun> builder)
    {
        builder.ToTable("EvalRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(EvalRun.MaxNameLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(EvalColumnLengths.Enum);
        builder.Property(r => r.JudgeProvider).HasMaxLength(EvalRunModel.MaxProviderLength);
        builder.Property(r => r.JudgeModel).HasMaxLength(EvalRunModel.MaxModelLength);
        builder.Property(r => r.LastError).HasMaxLength(EvalRun.MaxErrorLength);
        builder.Property(r => r.LeaseOwner).HasMaxLength(EvalRun.MaxLeaseOwnerLength);
        builder.HasOne<EvalPromptSet>().WithMany().HasForeignKey(r => r.SetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Models).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvalRunModel>().WithMany().HasForeignKey(r => r.BaselineModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvalRunModelConfiguration : IEntityTypeConfiguration<EvalRunModel>
{
    public void Configure(EntityTypeBuilder<EvalRunModel> builder)
    {
        builder.ToTable("EvalRunModels");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Provider).HasMaxLength(EvalRunModel.MaxProviderLength);
        builder.Property(m => m.Model).HasMaxLength(EvalRunModel.MaxModelLength);
        builder.Property(m => m.Label).HasMaxLength(EvalRunModel.MaxLabelLength);
        builder.Property(m => m.CatalogModelId).HasMaxLength(EvalRunModel.MaxCatalogIdLength);
        builder.Property(m => m.InputPerMillion).HasPrecision(18, 6);
        builder.Property(m => m.OutputPerMillion).HasPrecision(18, 6);
        builder.HasIndex(m => new { m.RunId, m.Label }).IsUnique();
        builder.HasIndex(m => new { m.RunId, m.Provider, m.Model }).IsUnique();
    }
}

internal sealed class EvalAnswerConfiguration : IEntityTypeConfiguration<EvalAnswer>
{
    public void Configure(EntityTypeBuilder<EvalAnswer> builder)
    {
        builder.ToTable("EvalAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(EvalColumnLengths.Enum);
        builder.Property(a => a.Error).HasMaxLength(EvalAnswer.MaxErrorLength);
        builder.Property(a => a.CostUsd).HasPrecision(EvalColumnLengths.CostPrecision, EvalColumnLengths.CostScale);
        // One answer per model and prompt: the database, not the runner, guarantees nothing is answered twice.
        builder.HasIndex(a => new { a.RunModelId, a.PromptId }).IsUnique();
        builder.HasIndex(a => new { a.RunId, a.PromptId });
        builder.HasOne<EvalRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvalRunModel>().WithMany().HasForeignKey(a => a.RunModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvalPrompt>().WithMany().HasForeignKey(a => a.PromptId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvalJudgementConfiguration : IEntityTypeConfiguration<EvalJudgement>
{
    public void Configure(EntityTypeBuilder<EvalJudgement> builder)
    {
        builder.ToTable("EvalJudgements");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(EvalColumnLengths.Enum);
        builder.Property(j => j.Verdict).HasConversion<string>().HasMaxLength(EvalColumnLengths.Enum);
        builder.Property(j => j.Choice).HasConversion<string>().HasMaxLength(EvalColumnLengths.Enum);
        builder.Property(j => j.Judge).HasMaxLength(EvalJudgement.MaxJudgeLength);
        builder.Property(j => j.CostUsd).HasPrecision(EvalColumnLengths.CostPrecision, EvalColumnLengths.CostScale);
        // One verdict per judge and ordered pair: the LLM judge's two orders are two rows; a resumed run skips both.
        builder.HasIndex(j => new { j.AnswerAId, j.AnswerBId, j.Kind, j.Judge }).IsUnique();
        builder.HasIndex(j => new { j.RunId, j.PromptId });
        builder.HasOne<EvalRun>().WithMany().HasForeignKey(j => j.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvalAnswer>().WithMany().HasForeignKey(j => j.AnswerAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvalAnswer>().WithMany().HasForeignKey(j => j.AnswerBId).OnDelete(DeleteBehavior.Restrict);
    }
}

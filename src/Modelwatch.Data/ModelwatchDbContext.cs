using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Data.Accounts;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Evals;
using Modelwatch.Data.News;
using Modelwatch.Data.Votes;

namespace Modelwatch.Data;

/// <summary>
/// The one database context. Provider-neutral: SQLite or PostgreSQL is chosen by whoever builds the options
/// (<c>DatabaseOptions</c>); the table mappings live in <c>IEntityTypeConfiguration</c> classes beside the entities.
/// The accounts of team mode (ASP.NET Core Identity's <c>AspNet*</c> tables) live here too, so one migration history
/// covers everything.
/// </summary>
public sealed class ModelwatchDbContext(DbContextOptions<ModelwatchDbContext> options) : IdentityDbContext<ModelwatchUser>(options)
{
    public DbSet<CatalogModel> Models => Set<CatalogModel>();

    public DbSet<ModelVariant> Variants => Set<ModelVariant>();

    public DbSet<ModelFactRow> Facts => Set<ModelFactRow>();

    public DbSet<ModelAlias> Aliases => Set<ModelAlias>();

    public DbSet<Offering> Offerings => Set<Offering>();

    public DbSet<PriceRow> Prices => Set<PriceRow>();

    public DbSet<BenchmarkScoreRow> BenchmarkScores => Set<BenchmarkScoreRow>();

    public DbSet<PublishedRatingRow> PublishedRatings => Set<PublishedRatingRow>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ImportProblemRow> ImportProblems => Set<ImportProblemRow>();

    public DbSet<SourceStatusRow> SourceStatuses => Set<SourceStatusRow>();

    public DbSet<VoteDataset> VoteDatasets => Set<VoteDataset>();

    public DbSet<VoteModelRow> VoteModels => Set<VoteModelRow>();

    public DbSet<StoredVote> StoredVotes => Set<StoredVote>();

    public DbSet<VotePairCount> VotePairCounts => Set<VotePairCount>();

    public DbSet<ArenaProviderRow> ArenaProviders => Set<ArenaProviderRow>();

    public DbSet<ArenaContestant> ArenaContestants => Set<ArenaContestant>();

    public DbSet<ArenaBattle> ArenaBattles => Set<ArenaBattle>();

    public DbSet<ArenaTurn> ArenaTurns => Set<ArenaTurn>();

    public DbSet<ArenaAnswer> ArenaAnswers => Set<ArenaAnswer>();

    public DbSet<ArenaVote> ArenaVotes => Set<ArenaVote>();

    public DbSet<ArenaVoterFlag> ArenaVoterFlags => Set<ArenaVoterFlag>();

    public DbSet<NewsSource> NewsSources => Set<NewsSource>();

    public DbSet<NewsFetchLog> NewsFetchLogs => Set<NewsFetchLog>();

    public DbSet<NewsItem> NewsItems => Set<NewsItem>();

    public DbSet<NewsItemEntity> NewsItemEntities => Set<NewsItemEntity>();

    public DbSet<NewsStory> NewsStories => Set<NewsStory>();

    public DbSet<NewsRule> NewsRules => Set<NewsRule>();

    public DbSet<NewsDigest> NewsDigests => Set<NewsDigest>();

    public DbSet<NewsSetting> NewsSettings => Set<NewsSetting>();

    public DbSet<EvalPromptSet> EvalPromptSets => Set<EvalPromptSet>();

    public DbSet<EvalPrompt> EvalPrompts => Set<EvalPrompt>();

    public DbSet<EvalRun> EvalRuns => Set<EvalRun>();

    public DbSet<EvalRunModel> EvalRunModels => Set<EvalRunModel>();

    public DbSet<EvalAnswer> EvalAnswers => Set<EvalAnswer>();

    public DbSet<EvalJudgement> EvalJudgements => Set<EvalJudgement>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Instants behave the same on both databases: stored in UTC, compared and ordered in SQL by instant, read back
        // with offset zero. SQLite needs a converter to do it at all (see UtcTicksConverter). The model differs per
        // provider, which is fine: EF caches one model per provider, and each migrations project has its own snapshot.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        // Identity's tables first; its only instant (LockoutEnd) takes the UTC conventions above like every other.
        base.OnModelCreating(modelBuilder);
        Accounts.IdentityKeyLengths.Apply(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelwatchDbContext).Assembly);
        RoundDecimalsToTheirScale(modelBuilder);
    }

    /// <summary>Every decimal column has a precision, and both databases keep the same digits (see <see cref="DecimalScaleConverter"/>).</summary>
    private static void RoundDecimalsToTheirScale(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != typeof(decimal))
                {
                    continue;
                }

                var scale = property.GetScale()
                    ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a decimal without a precision; give it HasPrecision(18, 6) or similar in its configuration.");
                property.SetValueConverter(new DecimalScaleConverter(scale));
            }
        }
    }
}

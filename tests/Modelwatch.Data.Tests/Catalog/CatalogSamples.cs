using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;

namespace Modelwatch.Data.Tests.Catalog;

/// <summary>
/// One row of every catalog entity with every column set to a value that is not the default, so a column that is
/// not mapped, truncated or converted wrongly shows in a round trip. Values are already in the form both databases
/// return (UTC, whole microseconds, at most six decimals); the conversions have their own tests.
/// </summary>
internal sealed class CatalogSamples
{
    public static readonly DateTimeOffset Instant = new DateTimeOffset(2025, 6, 30, 17, 45, 12, TimeSpan.Zero).AddTicks(1234560);

    public CatalogSamples()
    {
        Run = new ImportRun
        {
            Source = CatalogSources.ModelsDev,
            Location = "/data/catalog/models.dev/api.json",
            SourceVersion = "2025-06-30",
            StartedAt = Instant,
            FinishedAt = Instant.AddSeconds(3),
            Outcome = ImportOutcome.SucceededWithProblems,
            Added = 10,
            Changed = 2,
            Unchanged = 300,
            ProblemCount = 1,
            Error = "one record skipped",
        };
        Run.Problems.Add(new ImportProblemRow { Location = "api.json: $.anthropic.models[3]", Message = "cost.input: expected a number" });

        Model = new CatalogModel
        {
            Id = "meta/llama-4-maverick",
            Lab = "meta",
            DisplayName = "Llama 4 Maverick",
            Organisation = "Meta",
            Family = "llama-4",
            ReleaseDate = new DateOnly(2025, 4, 5),
            KnowledgeCutoff = "2024-08",
            Licence = LicenceClass.OpenWeights,
            LicenceId = "llama4",
            LicenceUrl = "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE",
            WeightsUrl = "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct",
            Architecture = ModelArchitecture.MixtureOfExperts,
            TotalParameters = 400_000_000_000,
            ActiveParameters = 17_000_000_000,
            ContextWindow = 1_048_576,
            MaxInputTokens = 1_000_000,
            MaxOutputTokens = 16_384,
            InputModalities = "image,text",
            OutputModalities = "text",
            Reasoning = false,
            ToolCalling = true,
            Status = ModelStatus.Deprecated,
            DeprecatedOn = new DateOnly(2026, 1, 15),
            RetiredOn = new DateOnly(2026, 7, 1),
            CreatedBySource = CatalogSources.ModelsDev,
            CreatedAt = Instant,
            UpdatedAt = Instant.AddDays(1),
        };
        Variant = new ModelVariant { ModelId = Model.Id, Name = "fp8", Kind = VariantKind.Quantisation };
        Model.Variants.Add(Variant);
    }

    public ImportRun Run { get; }

    public CatalogModel Model { get; }

    public ModelVariant Variant { get; }

    public ImportProblemRow Problem => Run.Problems[0];

    /// <summary>The rows that need the run's id; made after the run is saved.</summary>
    public Dependents For(long runId) => new(Model, runId);

    internal sealed class Dependents
    {
        public Dependents(CatalogModel model, long runId)
        {
            Fact = new ModelFactRow
            {
                ModelId = model.Id,
                Field = ModelFields.ContextWindow,
                Value = "1048576",
                Source = CatalogSources.ModelsDev,
                ExternalId = "meta/llama-4-maverick",
                ImportRunId = runId,
                ObservedAt = Instant,
            };
            Alias = new ModelAlias
            {
                Source = CatalogSources.OpenRouter,
                ExternalId = "meta-llama/llama-4-maverick:free",
                ModelId = model.Id,
                Variant = "fp8",
                Kind = MatchKind.Normalised,
                Confidence = 0.875,
                Review = ReviewState.Accepted,
                CandidateModelId = model.Id,
                Explanation = "dropped ':free', provider prefix meta-llama → meta",
                FirstSeenAt = Instant,
                ReviewedAt = Instant.AddHours(5),
            };
            Offering = new Offering
            {
                Source = CatalogSources.OpenRouter,
                Provider = "openrouter",
                ProviderModelId = "meta-llama/llama-4-maverick",
                ModelId = model.Id,
                Variant = "fp8",
                ContextWindow = 1_048_576,
                MaxInputTokens = 1_000_000,
                MaxOutputTokens = 16_384,
                Mode = "chat",
                ImportRunId = runId,
            };
            Price = new PriceRow
            {
                EffectiveFrom = new DateOnly(2025, 4, 5),
                EffectiveTo = new DateOnly(2025, 9, 1),
                InputPerMillion = 0.15m,
                OutputPerMillion = 0.6m,
                CacheReadPerMillion = 0.000375m,
                CacheWritePerMillion = 123456789012.123456m,
                TiersJson = """[{"above":200000,"input":0.3,"output":1.2}]""",
                ImportRunId = runId,
            };
            Offering.Prices.Add(Price);
            Score = new BenchmarkScoreRow
            {
                Source = CatalogSources.Aider,
                ExternalId = "Llama 4 Maverick (fp8)",
                ModelId = model.Id,
                Variant = "fp8",
                Benchmark = "aider-polyglot",
                Score = 15.6,
                Metric = "pass_rate_2",
                SourceUrl = "https://aider.chat/docs/leaderboards/",
                SelfReported = false,
                AsOf = new DateOnly(2025, 4, 6),
                ImportRunId = runId,
            };
            Rating = new PublishedRatingRow
            {
                Source = CatalogSources.LmArena,
                Board = "text",
                Category = "full",
                PublishedOn = new DateOnly(2025, 6, 20),
                ExternalId = "llama-4-maverick-03-26-experimental",
                ModelId = model.Id,
                Variant = "fp8",
                Rating = 1417.25,
                Lower = 1410.5,
                Upper = 1424.75,
                Votes = 7_452,
                Rank = 12,
                ImportRunId = runId,
            };
            Status = new SourceStatusRow
            {
                Source = CatalogSources.ModelsDev,
                LastAttemptAt = Instant,
                LastSuccessAt = Instant.AddMinutes(-30),
                LastOutcome = ImportOutcome.Failed,
                LastError = "HTTP 503 from the source",
                LastLocation = "https://models.dev/api.json",
                LastRunId = runId,
            };
        }

        public ModelFactRow Fact { get; }

        public ModelAlias Alias { get; }

        public Offering Offering { get; }

        public PriceRow Price { get; }

        public BenchmarkScoreRow Score { get; }

        public PublishedRatingRow Rating { get; }

        public SourceStatusRow Status { get; }

        public IEnumerable<object> All => [Fact, Alias, Offering, Price, Score, Rating, Status];
    }
}

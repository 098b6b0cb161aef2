using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modelwatch.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    SourceVersion = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Models",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Lab = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Family = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ReleaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    KnowledgeCutoff = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Licence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LicenceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LicenceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    WeightsUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Architecture = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TotalParameters = table.Column<long>(type: "bigint", nullable: true),
                    ActiveParameters = table.Column<long>(type: "bigint", nullable: true),
                    ContextWindow = table.Column<int>(type: "integer", nullable: true),
                    MaxInputTokens = table.Column<int>(type: "integer", nullable: true),
                    MaxOutputTokens = table.Column<int>(type: "integer", nullable: true),
                    InputModalities = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    OutputModalities = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Reasoning = table.Column<bool>(type: "boolean", nullable: true),
                    ToolCalling = table.Column<bool>(type: "boolean", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeprecatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RetiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBySource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ModelA = table.Column<int>(type: "integer", nullable: false),
                    ModelB = table.Column<int>(type: "integer", nullable: false),
                    Winner = table.Column<short>(type: "smallint", nullable: false),
                    TimestampMs = table.Column<long>(type: "bigint", nullable: true),
                    Categories = table.Column<long>(type: "bigint", nullable: false),
                    JudgeHash = table.Column<long>(type: "bigint", nullable: true),
                    Language = table.Column<short>(type: "smallint", nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: true),
                    Turn = table.Column<short>(type: "smallint", nullable: true),
                    DedupSampled = table.Column<bool>(type: "boolean", nullable: true),
                    TokensA = table.Column<int>(type: "integer", nullable: true),
                    TokensB = table.Column<int>(type: "integer", nullable: true),
                    HeadersA = table.Column<int>(type: "integer", nullable: true),
                    HeadersB = table.Column<int>(type: "integer", nullable: true),
                    ListsA = table.Column<int>(type: "integer", nullable: true),
                    ListsB = table.Column<int>(type: "integer", nullable: true),
                    BoldA = table.Column<int>(type: "integer", nullable: true),
                    BoldB = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredVotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoteDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SourceFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VoteCount = table.Column<int>(type: "integer", nullable: false),
                    SelfVoteCount = table.Column<int>(type: "integer", nullable: false),
                    RowsSkipped = table.Column<long>(type: "bigint", nullable: false),
                    ModelCount = table.Column<int>(type: "integer", nullable: false),
                    HasTimestamps = table.Column<bool>(type: "boolean", nullable: false),
                    HasJudges = table.Column<bool>(type: "boolean", nullable: false),
                    HasLanguages = table.Column<bool>(type: "boolean", nullable: false),
                    HasAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    HasTurns = table.Column<bool>(type: "boolean", nullable: false),
                    HasDedupTags = table.Column<bool>(type: "boolean", nullable: false),
                    HasStyle = table.Column<bool>(type: "boolean", nullable: false),
                    TagNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false),
                    Location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportProblems_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourceStatus",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    LastLocation = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    LastRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStatus", x => x.Source);
                    table.ForeignKey(
                        name: "FK_SourceStatus_ImportRuns_LastRunId",
                        column: x => x.LastRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "BenchmarkScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Variant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Benchmark = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Metric = table.Column<string>(type: "text", nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    SelfReported = table.Column<bool>(type: "boolean", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenchmarkScores_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenchmarkScores_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ModelAliases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Variant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Review = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CandidateModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Explanation = table.Column<string>(type: "text", nullable: true),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelAliases_Models_CandidateModelId",
                        column: x => x.CandidateModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ModelAliases_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ModelFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Field = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelFacts_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModelFacts_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelVariants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVariants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVariants_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Offerings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Provider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderModelId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Variant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ContextWindow = table.Column<int>(type: "integer", nullable: true),
                    MaxInputTokens = table.Column<int>(type: "integer", nullable: true),
                    MaxOutputTokens = table.Column<int>(type: "integer", nullable: true),
                    Mode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offerings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offerings_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offerings_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PublishedRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Board = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Category = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Variant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Rating = table.Column<double>(type: "double precision", nullable: false),
                    Lower = table.Column<double>(type: "double precision", nullable: true),
                    Upper = table.Column<double>(type: "double precision", nullable: true),
                    Votes = table.Column<int>(type: "integer", nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedRatings_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedRatings_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VoteModels",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteModels", x => new { x.DatasetId, x.Index });
                    table.ForeignKey(
                        name: "FK_VoteModels_VoteDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "VoteDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VotePairCounts",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ModelA = table.Column<int>(type: "integer", nullable: false),
                    ModelB = table.Column<int>(type: "integer", nullable: false),
                    WinsA = table.Column<int>(type: "integer", nullable: false),
                    WinsB = table.Column<int>(type: "integer", nullable: false),
                    Ties = table.Column<int>(type: "integer", nullable: false),
                    BothBad = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VotePairCounts", x => new { x.DatasetId, x.Category, x.ModelA, x.ModelB });
                    table.ForeignKey(
                        name: "FK_VotePairCounts_VoteDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "VoteDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Prices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferingId = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    InputPerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    OutputPerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    CacheReadPerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    CacheWritePerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    TiersJson = table.Column<string>(type: "text", nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prices_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prices_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkScores_ImportRunId",
                table: "BenchmarkScores",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkScores_ModelId_Benchmark",
                table: "BenchmarkScores",
                columns: new[] { "ModelId", "Benchmark" });

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkScores_key_dated",
                table: "BenchmarkScores",
                columns: new[] { "Source", "ExternalId", "Benchmark", "Variant", "AsOf" },
                unique: true,
                filter: "\"AsOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkScores_key_undated",
                table: "BenchmarkScores",
                columns: new[] { "Source", "ExternalId", "Benchmark", "Variant" },
                unique: true,
                filter: "\"AsOf\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImportProblems_ImportRunId",
                table: "ImportProblems",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Source_StartedAt",
                table: "ImportRuns",
                columns: new[] { "Source", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelAliases_CandidateModelId",
                table: "ModelAliases",
                column: "CandidateModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelAliases_ModelId",
                table: "ModelAliases",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelAliases_Review",
                table: "ModelAliases",
                column: "Review");

            migrationBuilder.CreateIndex(
                name: "IX_ModelAliases_Source_ExternalId",
                table: "ModelAliases",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelFacts_ImportRunId",
                table: "ModelFacts",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelFacts_ModelId_Field_Source_ExternalId",
                table: "ModelFacts",
                columns: new[] { "ModelId", "Field", "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelVariants_ModelId_Name",
                table: "ModelVariants",
                columns: new[] { "ModelId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Models_Lab",
                table: "Models",
                column: "Lab");

            migrationBuilder.CreateIndex(
                name: "IX_Offerings_ImportRunId",
                table: "Offerings",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Offerings_ModelId",
                table: "Offerings",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Offerings_Source_Provider_ProviderModelId",
                table: "Offerings",
                columns: new[] { "Source", "Provider", "ProviderModelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prices_ImportRunId",
                table: "Prices",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Prices_OfferingId_EffectiveFrom",
                table: "Prices",
                columns: new[] { "OfferingId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedRatings_Board_Category_PublishedOn_ExternalId",
                table: "PublishedRatings",
                columns: new[] { "Board", "Category", "PublishedOn", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedRatings_ImportRunId",
                table: "PublishedRatings",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedRatings_ModelId",
                table: "PublishedRatings",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceStatus_LastRunId",
                table: "SourceStatus",
                column: "LastRunId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteDatasets_ContentHash",
                table: "VoteDatasets",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteDatasets_Name",
                table: "VoteDatasets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteModels_DatasetId_Name",
                table: "VoteModels",
                columns: new[] { "DatasetId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenchmarkScores");

            migrationBuilder.DropTable(
                name: "ImportProblems");

            migrationBuilder.DropTable(
                name: "ModelAliases");

            migrationBuilder.DropTable(
                name: "ModelFacts");

            migrationBuilder.DropTable(
                name: "ModelVariants");

            migrationBuilder.DropTable(
                name: "Prices");

            migrationBuilder.DropTable(
                name: "PublishedRatings");

            migrationBuilder.DropTable(
                name: "SourceStatus");

            migrationBuilder.DropTable(
                name: "StoredVotes");

            migrationBuilder.DropTable(
                name: "VoteModels");

            migrationBuilder.DropTable(
                name: "VotePairCounts");

            migrationBuilder.DropTable(
                name: "Offerings");

            migrationBuilder.DropTable(
                name: "VoteDatasets");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "Models");
        }
    }
}

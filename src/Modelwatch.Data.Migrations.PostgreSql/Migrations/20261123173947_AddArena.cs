using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modelwatch.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddArena : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "VoteDatasets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ArenaContestants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Model = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BoardName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CatalogModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptsImages = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaContestants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArenaProviders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ProtectedApiKey = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    ApiKeyVariable = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Models = table.Column<List<string>>(type: "text[]", nullable: false),
                    MaxConcurrency = table.Column<int>(type: "integer", nullable: false),
                    FirstTokenTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    TotalTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    MaxRetries = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArenaVoterFlags",
                columns: table => new
                {
                    Voter = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false),
                    Resolution = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaVoterFlags", x => x.Voter);
                });

            migrationBuilder.CreateTable(
                name: "ArenaBattles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Voter = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContestantA = table.Column<int>(type: "integer", nullable: false),
                    ContestantB = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RevealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaBattles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArenaBattles_ArenaContestants_ContestantA",
                        column: x => x.ContestantA,
                        principalTable: "ArenaContestants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ArenaBattles_ArenaContestants_ContestantB",
                        column: x => x.ContestantB,
                        principalTable: "ArenaContestants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArenaAnswers",
                columns: table => new
                {
                    BattleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Turn = table.Column<int>(type: "integer", nullable: false),
                    Side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TimeToFirstTokenMs = table.Column<int>(type: "integer", nullable: true),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    InputTokens = table.Column<long>(type: "bigint", nullable: true),
                    OutputTokens = table.Column<long>(type: "bigint", nullable: false),
                    OutputTokensReported = table.Column<bool>(type: "boolean", nullable: false),
                    Headers = table.Column<int>(type: "integer", nullable: false),
                    Lists = table.Column<int>(type: "integer", nullable: false),
                    Bold = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaAnswers", x => new { x.BattleId, x.Turn, x.Side });
                    table.ForeignKey(
                        name: "FK_ArenaAnswers_ArenaBattles_BattleId",
                        column: x => x.BattleId,
                        principalTable: "ArenaBattles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArenaTurns",
                columns: table => new
                {
                    BattleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Prompt = table.Column<string>(type: "text", nullable: false),
                    PromptHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Images = table.Column<List<string>>(type: "text[]", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaTurns", x => new { x.BattleId, x.Number });
                    table.ForeignKey(
                        name: "FK_ArenaTurns_ArenaBattles_BattleId",
                        column: x => x.BattleId,
                        principalTable: "ArenaBattles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArenaVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BattleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Turn = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Voter = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Blind = table.Column<bool>(type: "boolean", nullable: false),
                    Exclusion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Overridden = table.Column<bool>(type: "boolean", nullable: false),
                    Counted = table.Column<bool>(type: "boolean", nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArenaVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArenaVotes_ArenaBattles_BattleId",
                        column: x => x.BattleId,
                        principalTable: "ArenaBattles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArenaBattles_ContestantA",
                table: "ArenaBattles",
                column: "ContestantA");

            migrationBuilder.CreateIndex(
                name: "IX_ArenaBattles_ContestantB",
                table: "ArenaBattles",
                column: "ContestantB");

            migrationBuilder.CreateIndex(
                name: "IX_ArenaBattles_CreatedAt",
                table: "ArenaBattles",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ArenaBattles_Voter_CreatedAt",
                table: "ArenaBattles",
                columns: new[] { "Voter", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArenaContestants_BoardName",
                table: "ArenaContestants",
                column: "BoardName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArenaContestants_Provider_Model",
                table: "ArenaContestants",
                columns: new[] { "Provider", "Model" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArenaProviders_Name",
                table: "ArenaProviders",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArenaTurns_PromptHash",
                table: "ArenaTurns",
                column: "PromptHash");

            migrationBuilder.CreateIndex(
                name: "IX_ArenaVotes_BattleId_Turn",
                table: "ArenaVotes",
                columns: new[] { "BattleId", "Turn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArenaVotes_Exclusion",
                table: "ArenaVotes",
                column: "Exclusion");

            migrationBuilder.CreateIndex(
                name: "IX_ArenaVotes_Voter_CastAt",
                table: "ArenaVotes",
                columns: new[] { "Voter", "CastAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArenaAnswers");

            migrationBuilder.DropTable(
                name: "ArenaProviders");

            migrationBuilder.DropTable(
                name: "ArenaTurns");

            migrationBuilder.DropTable(
                name: "ArenaVoterFlags");

            migrationBuilder.DropTable(
                name: "ArenaVotes");

            migrationBuilder.DropTable(
                name: "ArenaBattles");

            migrationBuilder.DropTable(
                name: "ArenaContestants");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "VoteDatasets");
        }
    }
}

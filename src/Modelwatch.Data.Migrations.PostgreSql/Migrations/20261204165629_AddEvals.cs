using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modelwatch.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddEvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvalPromptSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalPromptSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvalPrompts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalPrompts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvalPrompts_EvalPromptSets_SetId",
                        column: x => x.SetId,
                        principalTable: "EvalPromptSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvalAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    PromptId = table.Column<long>(type: "bigint", nullable: false),
                    RunModelId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InputTokens = table.Column<int>(type: "integer", nullable: true),
                    OutputTokens = table.Column<int>(type: "integer", nullable: true),
                    TimeToFirstTokenMs = table.Column<double>(type: "double precision", nullable: true),
                    TotalMs = table.Column<double>(type: "double precision", nullable: false),
                    CostUsd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvalAnswers_EvalPrompts_PromptId",
                        column: x => x.PromptId,
                        principalTable: "EvalPrompts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvalJudgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    PromptId = table.Column<long>(type: "bigint", nullable: false),
                    AnswerAId = table.Column<long>(type: "bigint", nullable: false),
                    AnswerBId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Judge = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Choice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reasoning = table.Column<string>(type: "text", nullable: true),
                    InputTokens = table.Column<int>(type: "integer", nullable: true),
                    OutputTokens = table.Column<int>(type: "integer", nullable: true),
                    CostUsd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvalJudgements_EvalAnswers_AnswerAId",
                        column: x => x.AnswerAId,
                        principalTable: "EvalAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvalJudgements_EvalAnswers_AnswerBId",
                        column: x => x.AnswerBId,
                        principalTable: "EvalAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvalRunModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CatalogModelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    InputPerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    OutputPerMillion = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalRunModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvalRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Concurrency = table.Column<int>(type: "integer", nullable: false),
                    MaxOutputTokens = table.Column<int>(type: "integer", nullable: false),
                    BaselineModelId = table.Column<int>(type: "integer", nullable: true),
                    JudgeProvider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JudgeModel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvalRuns_EvalPromptSets_SetId",
                        column: x => x.SetId,
                        principalTable: "EvalPromptSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvalRuns_EvalRunModels_BaselineModelId",
                        column: x => x.BaselineModelId,
                        principalTable: "EvalRunModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvalAnswers_PromptId",
                table: "EvalAnswers",
                column: "PromptId");

            migrationBuilder.CreateIndex(
                name: "IX_EvalAnswers_RunId_PromptId",
                table: "EvalAnswers",
                columns: new[] { "RunId", "PromptId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvalAnswers_RunModelId_PromptId",
                table: "EvalAnswers",
                columns: new[] { "RunModelId", "PromptId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalJudgements_AnswerAId_AnswerBId_Kind_Judge",
                table: "EvalJudgements",
                columns: new[] { "AnswerAId", "AnswerBId", "Kind", "Judge" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalJudgements_AnswerBId",
                table: "EvalJudgements",
                column: "AnswerBId");

            migrationBuilder.CreateIndex(
                name: "IX_EvalJudgements_RunId_PromptId",
                table: "EvalJudgements",
                columns: new[] { "RunId", "PromptId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvalPromptSets_Name",
                table: "EvalPromptSets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalPrompts_SetId_Key",
                table: "EvalPrompts",
                columns: new[] { "SetId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalRunModels_RunId_Label",
                table: "EvalRunModels",
                columns: new[] { "RunId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalRunModels_RunId_Provider_Model",
                table: "EvalRunModels",
                columns: new[] { "RunId", "Provider", "Model" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvalRuns_BaselineModelId",
                table: "EvalRuns",
                column: "BaselineModelId");

            migrationBuilder.CreateIndex(
                name: "IX_EvalRuns_SetId",
                table: "EvalRuns",
                column: "SetId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvalAnswers_EvalRunModels_RunModelId",
                table: "EvalAnswers",
                column: "RunModelId",
                principalTable: "EvalRunModels",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvalAnswers_EvalRuns_RunId",
                table: "EvalAnswers",
                column: "RunId",
                principalTable: "EvalRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvalJudgements_EvalRuns_RunId",
                table: "EvalJudgements",
                column: "RunId",
                principalTable: "EvalRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvalRunModels_EvalRuns_RunId",
                table: "EvalRunModels",
                column: "RunId",
                principalTable: "EvalRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvalRuns_EvalRunModels_BaselineModelId",
                table: "EvalRuns");

            migrationBuilder.DropTable(
                name: "EvalJudgements");

            migrationBuilder.DropTable(
                name: "EvalAnswers");

            migrationBuilder.DropTable(
                name: "EvalPrompts");

            migrationBuilder.DropTable(
                name: "EvalRunModels");

            migrationBuilder.DropTable(
                name: "EvalRuns");

            migrationBuilder.DropTable(
                name: "EvalPromptSets");
        }
    }
}

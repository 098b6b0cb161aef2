using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modelwatch.Data.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalPromptSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvalPrompts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptId = table.Column<long>(type: "INTEGER", nullable: false),
                    RunModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    OutputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeToFirstTokenMs = table.Column<double>(type: "REAL", nullable: true),
                    TotalMs = table.Column<double>(type: "REAL", nullable: false),
                    CostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerAId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerBId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Judge = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reasoning = table.Column<string>(type: "TEXT", nullable: true),
                    InputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    OutputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    CostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CatalogModelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InputPerMillion = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    OutputPerMillion = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvalRunModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvalRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Concurrency = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxOutputTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineModelId = table.Column<int>(type: "INTEGER", nullable: true),
                    JudgeProvider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JudgeModel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
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

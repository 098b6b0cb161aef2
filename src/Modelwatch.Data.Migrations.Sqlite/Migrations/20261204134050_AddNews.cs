using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modelwatch.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddNews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NewsDigests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Recap = table.Column<string>(type: "TEXT", nullable: false),
                    RecapEdited = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    SummarizedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourcesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Stories = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicatesMerged = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<int>(type: "INTEGER", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "NewsSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Parameter = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SiteUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinPoints = table.Column<int>(type: "INTEGER", nullable: true),
                    FetchIntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFetchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextFetchAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsStories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LeadItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<int>(type: "INTEGER", nullable: false),
                    Importance = table.Column<double>(type: "REAL", nullable: false),
                    Muted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsStories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsFetchLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ItemsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsNew = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsFetchLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsFetchLogs_NewsSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "NewsSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewsRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsRegex = table.Column<bool>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsRules_NewsSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "NewsSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewsItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CanonicalUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    UrlKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TitleKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHtml = table.Column<string>(type: "TEXT", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: true),
                    Comments = table.Column<int>(type: "INTEGER", nullable: true),
                    CommentsUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Categories = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<int>(type: "INTEGER", nullable: false),
                    Importance = table.Column<double>(type: "REAL", nullable: false),
                    Muted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Boost = table.Column<double>(type: "REAL", nullable: false),
                    DuplicateOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    MinHash = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsItems_NewsItems_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "NewsItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NewsItems_NewsSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "NewsSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewsItems_NewsStories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "NewsStories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NewsItemEntities",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Mention = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItemEntities", x => new { x.ItemId, x.Kind, x.EntityId });
                    table.ForeignKey(
                        name: "FK_NewsItemEntities_NewsItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "NewsItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsDigests_Status_WindowStart",
                table: "NewsDigests",
                columns: new[] { "Status", "WindowStart" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsFetchLogs_SourceId_StartedAt",
                table: "NewsFetchLogs",
                columns: new[] { "SourceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItemEntities_Kind_EntityId",
                table: "NewsItemEntities",
                columns: new[] { "Kind", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_DuplicateOfId",
                table: "NewsItems",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_PublishedAt",
                table: "NewsItems",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_SourceId_ItemKey",
                table: "NewsItems",
                columns: new[] { "SourceId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_StoryId",
                table: "NewsItems",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_TitleKey",
                table: "NewsItems",
                column: "TitleKey");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_UrlKey",
                table: "NewsItems",
                column: "UrlKey");

            migrationBuilder.CreateIndex(
                name: "IX_NewsRules_SourceId",
                table: "NewsRules",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsSources_NextFetchAt",
                table: "NewsSources",
                column: "NextFetchAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsSources_Url",
                table: "NewsSources",
                column: "Url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsStories_LastSeenAt",
                table: "NewsStories",
                column: "LastSeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsDigests");

            migrationBuilder.DropTable(
                name: "NewsFetchLogs");

            migrationBuilder.DropTable(
                name: "NewsItemEntities");

            migrationBuilder.DropTable(
                name: "NewsRules");

            migrationBuilder.DropTable(
                name: "NewsSettings");

            migrationBuilder.DropTable(
                name: "NewsItems");

            migrationBuilder.DropTable(
                name: "NewsSources");

            migrationBuilder.DropTable(
                name: "NewsStories");
        }
    }
}

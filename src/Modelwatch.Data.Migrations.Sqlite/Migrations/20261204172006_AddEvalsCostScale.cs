using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modelwatch.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddEvalsCostScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

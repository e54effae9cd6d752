using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Taxonomy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every tag so far was a slug: the column becomes the slug (renamed in place, so SQLite keeps the table), each
            // tag becomes its own label, and the registry gets each once, dated by the first version that used it.
            migrationBuilder.DropIndex(
                name: "IX_VersionTags_Name",
                table: "VersionTags");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "VersionTags",
                newName: "Slug");

            migrationBuilder.AlterColumn<string>(
                name: "Slug",
                table: "VersionTags",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                collation: "Latin1_General_100_BIN2",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "VersionTags",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE VersionTags SET Label = Slug;");

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Label = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Slug);
                });

            migrationBuilder.Sql(
                "INSERT INTO Tags (Slug, Label, CreatedAt) " +
                "SELECT t.Slug, t.Slug, MIN(v.CreatedAt) FROM VersionTags AS t " +
                "INNER JOIN ArticleVersions AS v ON v.Id = t.VersionId GROUP BY t.Slug;");

            migrationBuilder.CreateIndex(
                name: "IX_VersionTags_Slug",
                table: "VersionTags",
                column: "Slug");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropIndex(
                name: "IX_VersionTags_Slug",
                table: "VersionTags");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "VersionTags");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "VersionTags");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "VersionTags",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_VersionTags_Name",
                table: "VersionTags",
                column: "Name");
        }
    }
}

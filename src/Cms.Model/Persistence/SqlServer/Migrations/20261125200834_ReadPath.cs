using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReadPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PublishedDateSortKey",
                table: "Articles",
                type: "bigint",
                nullable: true);

            // Articles published before this migration get the sort key of their published version.
            migrationBuilder.Sql(
                "UPDATE Articles SET PublishedDateSortKey = (SELECT v.DateSortKey FROM ArticleVersions v " +
                "WHERE v.ArticleId = Articles.Id AND v.Number = Articles.PublishedVersionNumber) WHERE PublishedVersionNumber IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "ContentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArticleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedOrder",
                table: "Articles",
                columns: new[] { "PublishedDateSortKey", "Slug" },
                descending: new[] { true, false },
                filter: "PublishedDateSortKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ContentChanges_At",
                table: "ContentChanges",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentChanges");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedOrder",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PublishedDateSortKey",
                table: "Articles");
        }
    }
}

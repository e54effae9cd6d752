using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArticleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_ArticleId",
                table: "SearchDocuments",
                column: "ArticleId",
                unique: true);

            // Full-text DDL cannot run inside a transaction. The index follows the table by change tracking, which SQL Server
            // applies in the background (usually within seconds of a publish); its key is the integer primary key.
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG CmsSearch;", suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON SearchDocuments (Title, Summary, Body) KEY INDEX PK_SearchDocuments ON CmsSearch WITH CHANGE_TRACKING AUTO;",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON SearchDocuments;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG CmsSearch;", suppressTransaction: true);

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}

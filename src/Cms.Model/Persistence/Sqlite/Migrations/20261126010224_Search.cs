using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
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

            // The FTS5 index reads its text from SearchDocuments (external content) and is kept in step by triggers, inside
            // the transaction that changes a document. unicode61 with diacritics removed matches "Orleans" to "Orléans".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchIndex USING fts5(
                    Title, Summary, Body,
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Inserted AFTER INSERT ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Deleted AFTER DELETE ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex(SearchIndex, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Updated AFTER UPDATE ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex(SearchIndex, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                    INSERT INTO SearchIndex(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Updated;");
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Deleted;");
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Inserted;");
            migrationBuilder.Sql("DROP TABLE SearchIndex;");

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}

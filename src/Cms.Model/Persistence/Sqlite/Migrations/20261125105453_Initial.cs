using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DateSortKey = table.Column<long>(type: "INTEGER", nullable: false),
                    DateEndKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DateStartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DateStartMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    DateStartDay = table.Column<int>(type: "INTEGER", nullable: true),
                    DateEndYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DateEndMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    DateEndDay = table.Column<int>(type: "INTEGER", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DateLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleVersions", x => x.Id);
                    table.UniqueConstraint("AK_ArticleVersions_ArticleId_Number", x => new { x.ArticleId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LatestVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedVersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Articles_ArticleVersions_Id_PublishedVersionNumber",
                        columns: x => new { x.Id, x.PublishedVersionNumber },
                        principalTable: "ArticleVersions",
                        principalColumns: new[] { "ArticleId", "Number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VersionKeyFacts",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 280, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionKeyFacts", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionKeyFacts_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionMedia",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaptionOverride = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionMedia", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionMedia_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionPlaces",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionPlaces", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionPlaces_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionSections",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionSections", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionSections_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionSources",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionSources", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionSources_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionTags",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionTags", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_VersionTags_ArticleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ArticleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationLog_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_DateEndKey",
                table: "ArticleVersions",
                column: "DateEndKey");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_DateSortKey",
                table: "ArticleVersions",
                column: "DateSortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_PublishedVersionNumber",
                table: "Articles",
                columns: new[] { "Id", "PublishedVersionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Slug",
                table: "Articles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status",
                table: "Articles",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAt",
                table: "Articles",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationLog_ArticleId_At",
                table: "PublicationLog",
                columns: new[] { "ArticleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VersionMedia_AssetId",
                table: "VersionMedia",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_VersionPlaces_Name",
                table: "VersionPlaces",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_VersionSections_VersionId_Key",
                table: "VersionSections",
                columns: new[] { "VersionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionTags_Name",
                table: "VersionTags",
                column: "Name");

            migrationBuilder.AddForeignKey(
                name: "FK_ArticleVersions_Articles_ArticleId",
                table: "ArticleVersions",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ArticleVersions_Articles_ArticleId",
                table: "ArticleVersions");

            migrationBuilder.DropTable(
                name: "PublicationLog");

            migrationBuilder.DropTable(
                name: "VersionKeyFacts");

            migrationBuilder.DropTable(
                name: "VersionMedia");

            migrationBuilder.DropTable(
                name: "VersionPlaces");

            migrationBuilder.DropTable(
                name: "VersionSections");

            migrationBuilder.DropTable(
                name: "VersionSources");

            migrationBuilder.DropTable(
                name: "VersionTags");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "ArticleVersions");
        }
    }
}

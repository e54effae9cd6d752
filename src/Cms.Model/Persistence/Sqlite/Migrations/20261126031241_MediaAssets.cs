using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Model.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediaAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "FocalX",
                table: "VersionMedia",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FocalY",
                table: "VersionMedia",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ByteSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Credit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    License = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FocalX = table.Column<double>(type: "REAL", nullable: true),
                    FocalY = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaAssets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ByteSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaAssetTags",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaAssetTags", x => new { x.AssetId, x.Position });
                    table.ForeignKey(
                        name: "FK_MediaAssetTags_MediaAssets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_CreatedAt_Id",
                table: "MediaAssets",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_FileName_Id",
                table: "MediaAssets",
                columns: new[] { "FileName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_Sha256",
                table: "MediaAssets",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_StorageKey",
                table: "MediaAssets",
                column: "StorageKey");

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssetTags_Slug",
                table: "MediaAssetTags",
                column: "Slug");

            migrationBuilder.CreateIndex(
                name: "IX_MediaUploads_ExpiresAt",
                table: "MediaUploads",
                column: "ExpiresAt");

            // Versions saved before assets existed may name ids nothing stores. They become placeholder assets without bytes
            // (kind Unknown, size 0), so the foreign key can hold and no saved version loses a reference.
            migrationBuilder.Sql("INSERT INTO \"MediaAssets\" (\"Id\",\"FileName\",\"ContentType\",\"Kind\",\"ByteSize\",\"Sha256\",\"StorageKey\",\"CreatedAt\",\"CreatedBy\",\"UpdatedAt\",\"UpdatedBy\",\"Revision\") SELECT DISTINCT m.\"AssetId\", 'missing', 'application/octet-stream', 'Unknown', 0, '', '', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'migration', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'migration', 1 FROM \"VersionMedia\" AS m WHERE NOT EXISTS (SELECT 1 FROM \"MediaAssets\" AS a WHERE a.\"Id\" = m.\"AssetId\");");

            // SQLite adds a foreign key only by rebuilding the table. EF Core's rebuild (AddForeignKey) turns foreign keys off
            // around it with PRAGMA foreign_keys = 0, which cannot run in a transaction, so the migration ran in three parts
            // (and warned so on every new database). The same rebuild, written out, stays in the one transaction: with foreign
            // keys on, dropping VersionMedia deletes nothing elsewhere (no table references it), and the copy is checked
            // against MediaAssets (filled above) and ArticleVersions as it is made. The table it leaves is the one EF Core's
            // rebuild left on the databases migrated before: the same columns in the same order, constraints and index.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_VersionMedia" (
                    "VersionId" TEXT NOT NULL,
                    "Position" INTEGER NOT NULL,
                    "AssetId" TEXT NOT NULL,
                    "CaptionOverride" TEXT NULL,
                    "FocalX" REAL NULL,
                    "FocalY" REAL NULL,
                    "Role" TEXT NOT NULL,
                    CONSTRAINT "PK_VersionMedia" PRIMARY KEY ("VersionId", "Position"),
                    CONSTRAINT "FK_VersionMedia_ArticleVersions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "ArticleVersions" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_VersionMedia_MediaAssets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "MediaAssets" ("Id") ON DELETE RESTRICT
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_VersionMedia" ("VersionId", "Position", "AssetId", "CaptionOverride", "FocalX", "FocalY", "Role")
                SELECT "VersionId", "Position", "AssetId", "CaptionOverride", "FocalX", "FocalY", "Role"
                FROM "VersionMedia";
                """);
            migrationBuilder.Sql("""DROP TABLE "VersionMedia";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_VersionMedia" RENAME TO "VersionMedia";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_VersionMedia_AssetId" ON "VersionMedia" ("AssetId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VersionMedia_MediaAssets_AssetId",
                table: "VersionMedia");

            migrationBuilder.DropTable(
                name: "MediaAssetTags");

            migrationBuilder.DropTable(
                name: "MediaUploads");

            migrationBuilder.DropTable(
                name: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "FocalX",
                table: "VersionMedia");

            migrationBuilder.DropColumn(
                name: "FocalY",
                table: "VersionMedia");
        }
    }
}

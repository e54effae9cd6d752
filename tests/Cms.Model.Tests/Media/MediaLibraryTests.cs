using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Model.Tests.Media;

/// <summary>The rules of media assets: metadata checks, edits that never touch bytes, references, alt text to publish, deletion.</summary>
public sealed class MediaLibraryTests : IAsyncLifetime
{
    private const string Editor = "editor@example.org";
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Metadata_is_checked_field_by_field()
    {
        var problems = MediaLibrary.Validate(new MediaMetadata(
            AltText: new string('a', MediaAsset.MaxAltTextLength + 1),
            FocalPoint: new FocalPoint(1.2, 0.5),
            Tags: ["Maps", "maps", "—"]));

        Assert.Equal(
            [("altText", ValidationCodes.TooLong), ("focalPoint", ValidationCodes.OutOfRange), ("tags[1]", ValidationCodes.Duplicate), ("tags[2]", ValidationCodes.InvalidFormat)],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public async Task Metadata_edits_never_change_the_bytes_and_a_stale_revision_is_refused()
    {
        var asset = await CreateAsync("photo.jpg", MediaKind.Jpeg, altText: null);
        await using var db = _database.CreateContext();
        var library = new MediaLibrary(db, TimeProvider.System);

        var edited = await library.UpdateAsync(asset.Id, 1, new MediaMetadata(AltText: "A photo", Caption: "Old caption", Tags: ["Photos"]), Editor);
        var stale = await library.UpdateAsync(asset.Id, 1, new MediaMetadata(Caption: "Lost"), Editor);
        var cleared = await library.UpdateAsync(asset.Id, 2, new MediaMetadata(Caption: ""), Editor);

        Assert.True(edited.Succeeded);
        Assert.Equal(new VersionConflictError(1, 2), Assert.Single(stale.Errors));
        Assert.Null(cleared.Value!.Caption);
        Assert.Equal("A photo", cleared.Value.AltText);
        Assert.Equal((asset.Sha256, asset.ByteSize, asset.StorageKey), (cleared.Value.Sha256, cleared.Value.ByteSize, cleared.Value.StorageKey));
        Assert.Equal(3, cleared.Value.Revision);
        Assert.Equal("photos", cleared.Value.Tags.Single().Slug);
    }

    [Fact]
    public async Task A_version_may_only_use_assets_that_exist()
    {
        await using var db = _database.CreateContext();
        var unknown = Guid.NewGuid();

        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync("unknown-media", TestContent.Valid() with
        {
            Media = [new MediaReference(TestContent.HeroAssetId, MediaRole.Hero), new MediaReference(unknown, MediaRole.Inline) { FocalPointOverride = new FocalPoint(0.2, 0.3) }],
        }, Editor);

        var problem = Assert.IsType<ValidationProblem>(Assert.Single(result.Errors));
        Assert.Equal(("media[1].assetId", ValidationCodes.InvalidValue), (problem.Field, problem.Code));
    }

    [Fact]
    public async Task Publishing_needs_alt_text_on_every_image_the_version_uses_but_not_on_documents()
    {
        var image = await CreateAsync("map.png", MediaKind.Png, altText: null);
        var document = await CreateAsync("notes.pdf", MediaKind.Pdf, altText: null);
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);
        var article = (await editor.CreateAsync("alt-text", TestContent.Valid() with
        {
            Media = [new MediaReference(image.Id, MediaRole.Hero), new MediaReference(document.Id, MediaRole.Inline)],
        }, Editor)).Value!;

        var refused = await editor.PublishAsync(article.Id, null, Editor);
        await new MediaLibrary(db, TimeProvider.System).UpdateAsync(image.Id, null, new MediaMetadata(AltText: "A map"), Editor);
        var published = await editor.PublishAsync(article.Id, null, Editor);

        Assert.Equal([image.Id], Assert.IsType<AltTextRequiredError>(Assert.Single(refused.Errors)).AssetIds);
        Assert.True(published.Succeeded);
    }

    [Fact]
    public async Task Every_role_reads_back_as_saved_when_the_other_lists_are_read_in_the_same_statement()
    {
        var gallery = await CreateAsync("gallery.png", MediaKind.Png, altText: "A gallery image");
        var inline = await CreateAsync("inline.png", MediaKind.Png, altText: "An inline image");
        await using var db = _database.CreateContext();
        var article = (await new ArticleEditor(db, TimeProvider.System).CreateAsync("roles", TestContent.Valid() with
        {
            Media = [new MediaReference(TestContent.HeroAssetId, MediaRole.Hero), new MediaReference(gallery.Id, MediaRole.Gallery), new MediaReference(inline.Id, MediaRole.Inline)],
        }, Editor)).Value!;

        // Places, tags, key facts and sources come before media in the one UNION ALL statement; roles are stored by
        // name, and a column typed by an earlier branch's NULL once read every name as the first member (Hero).
        await using var check = _database.CreateContext();
        var version = (await check.ArticleVersions.Where(v => v.ArticleId == article.Id).ToListWithContentAsync(check, VersionParts.All)).Single();

        Assert.Equal([MediaRole.Hero, MediaRole.Gallery, MediaRole.Inline], version.Media.Select(m => m.Role));
        Assert.Equal("Marathon", Assert.Single(version.Places).Name);
    }

    [Fact]
    public async Task An_asset_a_retained_version_uses_cannot_be_deleted_not_even_around_the_check()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);
        var article = (await editor.CreateAsync("uses-hero", TestContent.Valid(), Editor)).Value!;
        await editor.SaveVersionAsync(article.Id, 1, new ArticleChanges { Media = [] }, Editor);

        var refused = await new MediaLibrary(db, TimeProvider.System).DeleteAsync(TestContent.HeroAssetId, "tests");

        var error = Assert.IsType<AssetInUseError>(Assert.Single(refused.Errors));
        Assert.Equal("uses-hero", error.Articles.Single().Slug);
        Assert.Equal([1], error.Articles.Single().VersionNumbers);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM MediaAssets WHERE Id = {0}", TestContent.HeroAssetId));
    }

    [Fact]
    public async Task Migrating_makes_placeholder_assets_for_references_saved_before_assets_existed()
    {
        var database = new TestDatabase();
        try
        {
            await using var db = database.CreateContext();
            await db.GetService<IMigrator>().MigrateAsync("PreviewTokens");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Articles (Id, Slug, Status, LatestVersionNumber, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
                VALUES ('A1', 'one', 'Draft', 1, '2026-01-01 00:00:00', 'e', '2026-01-01 00:00:00', 'e');
                INSERT INTO ArticleVersions (Id, ArticleId, Number, Title, Summary, DateSortKey, DateEndKey, Author, CreatedAt, DateStartYear, DatePrecision)
                VALUES ('V1', 'A1', 1, 't', 's', 0, 0, 'e', '2026-01-01 00:00:00', 1, 'Year');
                INSERT INTO VersionMedia (VersionId, Position, AssetId, Role) VALUES ('V1', 0, 'ASSET-1', 'Hero'), ('V1', 1, 'ASSET-1', 'Gallery');
                """);

            await db.Database.MigrateAsync();

            var placeholders = await db.Database.SqlQueryRaw<string>("SELECT Id || ':' || Kind || ':' || ByteSize || ':' || StorageKey AS Value FROM MediaAssets").ToListAsync();
            var uses = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM VersionMedia").SingleAsync();
            Assert.Equal(["ASSET-1:Unknown:0:"], placeholders);
            Assert.Equal(2, uses);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task<MediaAsset> CreateAsync(string fileName, MediaKind kind, string? altText)
    {
        await using var db = _database.CreateContext();
        var file = new StoredFile($"originals/{Guid.NewGuid():N}", fileName, kind, MediaInspection.ContentTypeOf(kind), 2048, new string('b', 64), MediaInspection.IsImage(kind) ? new PixelSize(640, 480) : null);
        var result = await new MediaLibrary(db, TimeProvider.System).CreateAsync(file, new MediaMetadata(AltText: altText), Editor);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}

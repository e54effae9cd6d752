using System.Data.Common;
using Cms.Model.Editing;
using Cms.Model.Persistence;
using Cms.Model.Taxonomy;
using Cms.Model.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Model.Tests.Articles;

/// <summary>Tags as editors type them: slugs derived from labels in any script, one registry row per slug, existing data migrated.</summary>
public sealed class TagTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("World War II", "world-war-ii")]
    [InlineData("  Eastern   Front ", "eastern-front")]
    [InlineData("Café society", "cafe-society")]
    [InlineData("Straße", "straße")]
    [InlineData("U.S.–Soviet relations", "u-s-soviet-relations")]
    [InlineData("Великая Отечественная война", "великая-отечественная-война")]
    [InlineData("第二次世界大戦", "第二次世界大戦")]
    [InlineData("Ελληνική Επανάσταση", "ελληνική-επανάσταση")]
    [InlineData("भारत छोड़ो आन्दोलन", "भारत-छोड़ो-आन्दोलन")]
    [InlineData("ancient-greece", "ancient-greece")]
    [InlineData("1989", "1989")]
    [InlineData("—!—", "")]
    public void A_slug_keeps_the_letters_and_digits_of_every_script_lowercased_and_joins_the_rest_with_hyphens(string label, string slug)
    {
        Assert.Equal(slug, TagSlug.From(label));
        Assert.Equal(slug, Tag.FromLabel(label).Slug);
    }

    [Fact]
    public void Labels_are_stored_tidy_and_the_same_label_in_either_normal_form_gives_one_slug()
    {
        var composed = "Caf\u00e9";
        var decomposed = "Cafe\u0301";

        Assert.Equal("Eastern Front", Tag.FromLabel("  Eastern \t Front ").Label);
        Assert.Equal(TagSlug.From(composed), TagSlug.From(decomposed));
        Assert.True(TagSlug.From(new string('я', 200)).Length <= Tag.MaxSlugLength);
    }

    [Fact]
    public async Task The_registry_keeps_the_label_a_tag_was_first_given_and_each_version_keeps_its_own()
    {
        await CreateAsync("first", ["World War II"]);
        await CreateAsync("second", ["world war ii", "Eastern Front"]);

        await using var db = _database.CreateContext();
        var registry = await db.Tags.OrderBy(t => t.Slug).Select(t => new { t.Slug, t.Label }).ToListAsync();
        var labels = (await db.ArticleVersions.OrderBy(v => v.CreatedAt).ToListWithContentAsync(db, VersionParts.Tags)).Select(v => v.Tags).ToList();

        Assert.Equal([new { Slug = "eastern-front", Label = "Eastern Front" }, new { Slug = "world-war-ii", Label = "World War II" }], registry);
        Assert.Equal(["World War II"], labels[0].Select(t => t.Label));
        Assert.Equal(["world war ii", "Eastern Front"], labels[1].Select(t => t.Label));
    }

    [Fact]
    public async Task An_editor_losing_the_race_for_a_new_tag_saves_with_the_winners_tag()
    {
        // The other editor's version lands right after this save looked the tag up and before it writes.
        var race = new InsertTagAfterLookup(_database, "eastern-front");
        await using var db = _database.CreateContext(race);
        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync("loser", TestContent.Valid() with { Tags = ["Eastern front"] }, "editor@example.org");

        await using var check = _database.CreateContext();
        Assert.True(race.Fired);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(("eastern-front", "Eastern Front (first)"), await check.Tags.Select(t => ValueTuple.Create(t.Slug, t.Label)).SingleAsync());
        Assert.Equal("Eastern front", (await check.ArticleVersions.ToListWithContentAsync(check, VersionParts.Tags)).Single().Tags.Single().Label);
    }

    [Fact]
    public async Task Migrating_turns_each_slug_tag_into_a_label_and_registers_it_once()
    {
        var database = new TestDatabase();
        try
        {
            await using var db = database.CreateContext();
            await db.GetService<IMigrator>().MigrateAsync("CalendarDayIndex");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Articles (Id, Slug, Status, LatestVersionNumber, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
                VALUES ('a1', 'one', 'Draft', 2, '2026-01-01 00:00:00', 'e', '2026-01-01 00:00:00', 'e');
                INSERT INTO ArticleVersions (Id, ArticleId, Number, Title, Summary, DateSortKey, DateEndKey, Author, CreatedAt, DateStartYear, DatePrecision)
                VALUES ('v1', 'a1', 1, 't', 's', 0, 0, 'e', '2026-01-01 00:00:00', 1, 'Year'),
                       ('v2', 'a1', 2, 't', 's', 0, 0, 'e', '2026-02-01 00:00:00', 1, 'Year');
                INSERT INTO VersionTags (VersionId, Position, Name) VALUES ('v1', 0, 'ancient-greece'), ('v2', 0, 'ancient-greece'), ('v2', 1, 'battles');
                """);

            await db.Database.MigrateAsync();

            var rows = await db.Database.SqlQueryRaw<string>("SELECT VersionId || ':' || Slug || ':' || Label AS Value FROM VersionTags ORDER BY VersionId, Position").ToListAsync();
            var registry = await db.Database.SqlQueryRaw<string>("SELECT Slug || ':' || Label || ':' || CreatedAt AS Value FROM Tags ORDER BY Slug").ToListAsync();
            Assert.Equal(["v1:ancient-greece:ancient-greece", "v2:ancient-greece:ancient-greece", "v2:battles:battles"], rows);
            Assert.Equal(["ancient-greece:ancient-greece:2026-01-01 00:00:00", "battles:battles:2026-02-01 00:00:00"], registry);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task CreateAsync(string slug, string[] tags)
    {
        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync(slug, TestContent.Valid() with { Tags = tags }, "editor@example.org");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    /// <summary>Registers the tag from another connection once the save has read the registry, as a concurrent editor would.</summary>
    private sealed class InsertTagAfterLookup(TestDatabase database, string slug) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!Fired && command.CommandText.Contains("FROM \"Tags\"", StringComparison.Ordinal))
            {
                Fired = true;
                await using var connection = new SqliteConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO Tags (Slug, Label, CreatedAt) VALUES ($slug, 'Eastern Front (first)', '2026-01-01 00:00:00')";
                insert.Parameters.AddWithValue("$slug", slug);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}

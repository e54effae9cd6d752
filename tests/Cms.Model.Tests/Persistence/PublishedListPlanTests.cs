using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Persistence;
using Cms.Model.Tests.Infrastructure;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Persistence;

/// <summary>
/// The published list must not grow with the content: SQLite's plan for every page reads the filtered, ordered index
/// and sorts nothing, and the list answers in the index's order, BCE dates included.
/// </summary>
public sealed class PublishedListPlanTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sqlite_reads_a_page_from_the_published_order_index_without_sorting(bool afterCursor)
    {
        await using var db = _database.CreateContext();
        var lists = new ArticleLists(db, VersionCaches.Off());
        var page = lists.Page(new ArticleListRequest(ArticleStage.Published, null, [], 20, Position: afterCursor ? [-4_889_899L, "battle-of-marathon"] : null));

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains(plan, line => line.Contains("USING INDEX IX_Articles_PublishedOrder", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("ArticleVersions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_keeps_the_sort_key_of_the_published_version_and_unpublishing_clears_it()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, clock);
        var early = (await editor.CreateAsync("battle-of-marathon", TestContent.Valid("Marathon"), "ed", null)).Value!;
        var late = (await editor.CreateAsync("fall-of-the-wall", TestContent.Valid("The Wall") with { HistoricalDate = HistoricalDate.InYear(1989) }, "ed", null)).Value!;
        var draft = (await editor.CreateAsync("never-published", TestContent.Valid("Draft"), "ed", null)).Value!;
        await editor.PublishAsync(early.Id, null, "pub");
        await editor.PublishAsync(late.Id, null, "pub");
        await editor.PublishAsync(draft.Id, null, "pub");
        await editor.UnpublishAsync(draft.Id, "pub");

        await using var read = _database.CreateContext();
        var (page, hasMore) = await new ArticleLists(read, VersionCaches.Off()).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.None);
        var keys = await read.Articles.AsNoTracking().OrderBy(a => a.Slug).Select(a => new { a.Slug, a.PublishedDateSortKey }).ToListAsync();

        Assert.Equal(["fall-of-the-wall", "battle-of-marathon"], page.Select(v => v.Article.Slug));
        Assert.False(hasMore);
        Assert.Equal(HistoricalDate.InYear(-490).SortKey, keys.Single(k => k.Slug == "battle-of-marathon").PublishedDateSortKey);
        Assert.Null(keys.Single(k => k.Slug == "never-published").PublishedDateSortKey);
        Assert.Equal(["Published", "Published", "Published", "Unpublished"], await read.ContentChanges.OrderBy(c => c.Id).Select(c => c.Kind.ToString()).ToListAsync());
    }

    [Fact]
    public async Task A_list_through_the_version_cache_equals_one_from_the_database_and_shows_a_new_publication_at_once()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, new ManualClock(DateTimeOffset.UtcNow));
        var marathon = (await editor.CreateAsync("battle-of-marathon", TestContent.Valid("Marathon"), "ed", null)).Value!;
        var wall = (await editor.CreateAsync("fall-of-the-wall", TestContent.Valid("The Wall") with { HistoricalDate = HistoricalDate.InYear(1989) }, "ed", null)).Value!;
        await editor.PublishAsync(marathon.Id, null, "pub");
        await editor.PublishAsync(wall.Id, null, "pub");
        var cache = VersionCaches.Fresh();

        await using var read = _database.CreateContext();
        var (fromDatabase, _) = await new ArticleLists(read, VersionCaches.Off()).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.All);
        var withoutSections = VersionCaches.Fresh();
        var (noSections, _) = await new ArticleLists(read, withoutSections).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.Tags);
        var (thenSections, _) = await new ArticleLists(read, withoutSections).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.Sections);
        var (firstRead, _) = await new ArticleLists(read, cache).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.All);
        var (secondRead, _) = await new ArticleLists(read, cache).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.None);
        await editor.SaveVersionAsync(wall.Id, 1, new ArticleChanges { Title = "The Wall falls" }, "ed");
        await editor.PublishAsync(wall.Id, null, "pub");
        await using var later = _database.CreateContext();
        var (afterPublishing, _) = await new ArticleLists(later, cache).ListAsync(new ArticleListRequest(ArticleStage.Published, null, [], 10), VersionParts.None);

        static string Describe(IEnumerable<ArticleView> views) =>
            string.Join(" | ", views.Select(v => $"{v.Article.Slug} v{v.Version.Number} {v.Version.Title} [{string.Join(", ", v.Version.Sections.Select(s => s.Heading))}] [{string.Join(", ", v.Version.Tags.Select(t => t.Slug))}]"));
        Assert.All(noSections, v => Assert.Empty(v.Version.Sections));
        Assert.All(noSections, v => Assert.NotEmpty(v.Version.Places));
        Assert.Equal(Describe(fromDatabase), Describe(thenSections));
        Assert.Equal(Describe(fromDatabase), Describe(firstRead));
        Assert.Equal(Describe(fromDatabase), Describe(secondRead));
        Assert.Same(firstRead[0].Version, secondRead[0].Version);
        Assert.Equal("The Wall falls", afterPublishing[0].Version.Title);
        Assert.Equal(2, afterPublishing[0].Version.Number);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Equal_sort_values_are_ordered_by_slug_so_pages_of_two_visit_every_article_once(bool backward)
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, new ManualClock(DateTimeOffset.UtcNow));
        string[] slugs = ["e-five", "a-one", "d-four", "b-two", "c-three"];
        foreach (var slug in slugs)
        {
            var article = (await editor.CreateAsync(slug, TestContent.Valid("Same title") with { HistoricalDate = HistoricalDate.InYear(-44) }, "ed", null)).Value!;
            await editor.PublishAsync(article.Id, null, "pub");
        }

        await using var read = _database.CreateContext();
        var lists = new ArticleLists(read, VersionCaches.Fresh());
        IReadOnlyList<ArticleSort> order = [new ArticleSort(ArticleSortField.Title, Descending: false), new ArticleSort(ArticleSortField.HistoricalDate, Descending: true)];
        var seen = new List<string>();
        IReadOnlyList<object>? position = null;
        bool more;
        do
        {
            var (page, hasMore) = await lists.ListAsync(new ArticleListRequest(ArticleStage.Published, null, order, 2, backward, position), VersionParts.None);
            seen.InsertRange(backward ? 0 : seen.Count, page.Select(v => v.Article.Slug));
            position = page.Count == 0 ? null : ArticleLists.PositionOf(backward ? page[0] : page[^1], ArticleLists.CompleteOrder(order));
            more = hasMore;
        }
        while (more);

        Assert.Equal(["a-one", "b-two", "c-three", "d-four", "e-five"], seen);
    }

    [Fact]
    public async Task On_this_day_seeks_the_calendar_day_index_and_finds_bce_events()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, new ManualClock(DateTimeOffset.UtcNow));
        var ides = (await editor.CreateAsync("ides-of-march", TestContent.Valid("Caesar is killed") with { HistoricalDate = HistoricalDate.OnDay(-44, 3, 15) }, "ed", null)).Value!;
        var yearOnly = (await editor.CreateAsync("year-only", TestContent.Valid("Some year") with { HistoricalDate = HistoricalDate.InYear(1066) }, "ed", null)).Value!;
        await editor.PublishAsync(ides.Id, null, "pub");
        await editor.PublishAsync(yearOnly.Id, null, "pub");

        await using var read = _database.CreateContext();
        var lists = new ArticleLists(read, VersionCaches.Fresh());
        var found = await lists.OnThisDayAsync(3, 15, 10, VersionParts.None);
        var plan = await PlanAsync(read, lists.OnThisDay(3, 15, 10).ToQueryString());

        Assert.Equal(["ides-of-march"], found.Select(v => v.Article.Slug));
        Assert.Contains(plan, line => line.Contains("USING INDEX IX_ArticleVersions_CalendarDay", StringComparison.Ordinal));
        Assert.Empty(await lists.OnThisDayAsync(1, 1, 10, VersionParts.None));
    }

    private static async Task<List<string>> PlanAsync(DbContext db, string sql)
    {
        // ToQueryString declares the parameters first; EXPLAIN QUERY PLAN needs the statement alone, with values.
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal)));
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            statement = statement.Replace(parts[0], parts[1].Trim(), StringComparison.Ordinal);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}

using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Events;
using Cms.Model.Media;
using Cms.Model.Persistence;
using Cms.Model.Querying;
using Cms.Model.Search;
using Cms.Model.Tests.Infrastructure;
using Cms.Model.Webhooks;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Model.Tests.Persistence;

public class SqlServerSqlTests
{
    [Fact]
    public void The_idempotent_migration_script_is_valid_t_sql()
    {
        using var db = SqlServerOffline.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Articles]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Articles_Slug]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON SearchDocuments (Title, Summary, Body) KEY INDEX PK_SearchDocuments", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_Articles_PublishedOrder] ON [Articles] ([PublishedDateSortKey] DESC, [Slug]) WHERE PublishedDateSortKey IS NOT NULL", script, StringComparison.Ordinal);
        Assert.Empty(SqlServerOffline.ParseErrors(script));
    }

    public static TheoryData<string> DeliveryQueries =>
        ["by-slug", "first-page", "next-page", "filtered-page", "filtered-draft-page", "on-this-day", "nodes-articles", "nodes-versions", "nodes-any-versions", "published-versions", "versions-short-lists", "versions-places-only", "versions-sections", "count",
         "history-page", "published-at-moment", "redirect", "slug-in-use", "due-schedules", "api-key",
         "tags-most-used", "tags-after-count", "tags-after-slug-descending", "places-most-used", "places-after-count", "places-after-name", "known-tags",
         "search-first-page", "search-next-page", "search-one-word", "search-documents", "search-stale", "search-unindexed", "preview-token",
         "media-first-page", "media-filtered-page", "media-published",
         "outbox-after", "webhook-due", "webhook-deliveries-page", "webhook-subscriptions", "presence-others"];

    [Theory]
    [MemberData(nameof(DeliveryQueries))]
    public void Every_delivery_query_translates_to_valid_t_sql(string name)
    {
        using var db = SqlServerOffline.CreateContext();
        var articles = new ArticleLists(db, VersionCaches.Off());
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];

        var sql = name switch
        {
            "by-slug" => SqlServerOffline.QuerySql(db.Articles.Where(a => a.Slug == "battle-of-marathon" && a.DeletedAt == null)),
            "first-page" => SqlServerOffline.QuerySql(articles.Page(new ArticleListRequest(ArticleStage.Published, null, [], 20))),
            "next-page" => SqlServerOffline.QuerySql(articles.Page(new ArticleListRequest(ArticleStage.Published, null, [], 20, Position: [-4_889_899L, "battle-of-marathon"]))),
            "filtered-page" => SqlServerOffline.QuerySql(articles.Page(FilteredRequest(ArticleStage.Published))),
            "filtered-draft-page" => SqlServerOffline.QuerySql(articles.Page(FilteredRequest(ArticleStage.Draft))),
            "on-this-day" => SqlServerOffline.QuerySql(articles.OnThisDay(11, 9, 20)),
            "nodes-articles" => SqlServerOffline.QuerySql(articles.PublishedByIds(ids)),
            "nodes-versions" => SqlServerOffline.QuerySql(new ArticleLookup(db, new ArticleHistory(db), VersionCaches.Off()).VersionsByIds(ids, anyVersion: false)),
            "nodes-any-versions" => SqlServerOffline.QuerySql(new ArticleLookup(db, new ArticleHistory(db), VersionCaches.Off()).VersionsByIds(ids, anyVersion: true)),
            "published-versions" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids)),
            "versions-short-lists" => SqlServerOffline.QuerySql(VersionContentLoader.ShortListRows(db, ids, VersionParts.All)!),
            "versions-places-only" => SqlServerOffline.QuerySql(VersionContentLoader.ShortListRows(db, ids, VersionParts.Places)!),
            "versions-sections" => SqlServerOffline.QuerySql(VersionContentLoader.SectionsOf(db, ids)),
            "count" => SqlServerOffline.QuerySql(db.Articles.Where(a => a.PublishedVersionNumber != null)),
            "history-page" => SqlServerOffline.QuerySql(db.ArticleVersions.Where(v => v.ArticleId == ids[0] && v.Number < 40).OrderByDescending(v => v.Number).Take(21)),
            "published-at-moment" => SqlServerOffline.QuerySql(db.PublicationLog.Where(e => e.ArticleId == ids[0] && e.At <= DateTime.UtcNow).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(1)),
            "redirect" => SqlServerOffline.QuerySql(db.SlugRedirects.Where(r => r.OldSlug == "old-slug")),
            "slug-in-use" => SqlServerOffline.QuerySql(db.SlugRedirects.Where(r => r.OldSlug == "x" && r.ArticleId != ids[0])),
            "due-schedules" => SqlServerOffline.QuerySql(db.ScheduledPublications.Where(x => x.State == Model.Articles.ScheduleState.Pending && x.At <= DateTime.UtcNow).OrderBy(x => x.At).Select(x => x.Id).Take(50)),
            "api-key" => SqlServerOffline.QuerySql(db.ApiKeys.Where(k => k.PublicId == "0123456789ab")),
            "tags-most-used" => SqlServerOffline.QuerySql(new TaxonomyLists(db).TagPage(new TaxonomyPage<TagSummary>(TaxonomyOrder.MostUsed, true, 20, null))),
            "tags-after-count" => SqlServerOffline.QuerySql(new TaxonomyLists(db).TagPage(new TaxonomyPage<TagSummary>(TaxonomyOrder.MostUsed, true, 20, new TagSummary("battles", "", 2)))),
            "tags-after-slug-descending" => SqlServerOffline.QuerySql(new TaxonomyLists(db).TagPage(new TaxonomyPage<TagSummary>(TaxonomyOrder.ByKey, true, 20, new TagSummary("battles", "", 2)))),
            "places-most-used" => SqlServerOffline.QuerySql(new TaxonomyLists(db).PlacePage(new TaxonomyPage<PlaceSummary>(TaxonomyOrder.MostUsed, true, 20, null))),
            "places-after-count" => SqlServerOffline.QuerySql(new TaxonomyLists(db).PlacePage(new TaxonomyPage<PlaceSummary>(TaxonomyOrder.MostUsed, false, 20, new PlaceSummary("Athens", "Greece", null, null, 2)))),
            "places-after-name" => SqlServerOffline.QuerySql(new TaxonomyLists(db).PlacePage(new TaxonomyPage<PlaceSummary>(TaxonomyOrder.ByKey, false, 20, new PlaceSummary("Athens", "", null, null, 2)))),
            "search-first-page" => SqlServerOffline.QuerySql(new ArticleSearch(db).Page(["battle", "mara"], 20, null)),
            "search-next-page" => SqlServerOffline.QuerySql(new ArticleSearch(db).Page(["battle", "mara"], 20, new SearchPosition(87, 42))),
            "search-one-word" => SqlServerOffline.QuerySql(new ArticleSearch(db).Page(["marathon"], 10, null)),
            "search-documents" => SqlServerOffline.QuerySql(db.SearchDocuments.Where(d => new List<long> { 1, 2 }.Contains(d.Id))),
            "search-stale" => SqlServerOffline.QuerySql(SearchIndexing.StaleDocuments(db)),
            "search-unindexed" => SqlServerOffline.QuerySql(SearchIndexing.UnindexedVersions(db).Take(200)),
            "preview-token" => SqlServerOffline.QuerySql(db.PreviewTokens.Where(t => t.Id == ids[0])),
            "media-first-page" => SqlServerOffline.QuerySql(new MediaAssetLists(db).Page(null, new MediaAssetSort(MediaAssetSortField.CreatedAt, true), 20, null)),
            "media-filtered-page" => SqlServerOffline.QuerySql(new MediaAssetLists(db).Page(
                new MediaAssetFilter
                {
                    FileName = new StringFilter { Contains = "map" },
                    ContentType = new StringFilter { StartsWith = "image/" },
                    Tags = new ListFilter<TagFilter> { Some = new TagFilter { Slug = new StringFilter { Eq = "maps" } } },
                    IsUsed = new BooleanFilter { Eq = false },
                },
                new MediaAssetSort(MediaAssetSortField.FileName, false),
                20,
                new MediaAssetPosition(DateTime.UtcNow, "map.png", ids[0]))),
            "media-published" => SqlServerOffline.QuerySql(new MediaAssetLists(db).Published(ids)),
            "outbox-after" => SqlServerOffline.QuerySql(ChangeFeedReader.After(db.ChangeEvents, 42, 500)),
            "webhook-due" => SqlServerOffline.QuerySql(WebhookDispatcher.DueDeliveries(db, DateTime.UtcNow).Take(16)),
            "webhook-deliveries-page" => SqlServerOffline.QuerySql(db.WebhookDeliveries.Where(d => d.SubscriptionId == ids[0] && d.Status == WebhookDeliveryStatus.Failed && d.Id < 900).OrderByDescending(d => d.Id).Take(21)),
            "webhook-subscriptions" => SqlServerOffline.QuerySql(db.WebhookSubscriptions.Where(s => ids.Contains(s.Id))),
            "presence-others" => SqlServerOffline.QuerySql(PresenceBoard.Others(db, ids[0], "tab-1", DateTime.UtcNow)),
            "known-tags" => SqlServerOffline.QuerySql(db.Tags.Where(t => new List<string> { "battles", "world-war-ii" }.Contains(t.Slug)).Select(t => t.Slug)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Empty(SqlServerOffline.ParseErrors(sql));
    }

    [Fact]
    public void A_page_of_the_published_list_reads_only_the_articles_table_in_the_order_of_its_filtered_index()
    {
        using var db = SqlServerOffline.CreateContext();

        var sql = SqlServerOffline.QuerySql(new ArticleLists(db, VersionCaches.Off()).Page(new ArticleListRequest(ArticleStage.Published, null, [], 20, Position: [-4_889_899L, "battle-of-marathon"])));

        Assert.DoesNotContain("ArticleVersions", sql, StringComparison.Ordinal);
        Assert.Contains("[a].[PublishedDateSortKey] IS NOT NULL", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [a].[PublishedDateSortKey] DESC, [a].[Slug]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispatchers_bulk_writes_are_valid_t_sql_within_sql_servers_parameter_limit()
    {
        using var db = SqlServerOffline.CreateContext();
        var now = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        var deliveries = Enumerable.Range(0, 700)
            .Select(i => WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), i, "article.published", $"article:{i}", "{}", now))
            .ToList();
        var attempts = Enumerable.Range(0, 700)
            .Select(i => WebhookAttempt.Create(i, 1, now, new WebhookResponse(204, TimeSpan.FromMilliseconds(3), null, null)))
            .ToList();
        var failed = WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), 1, "article.published", null, "{}", now);
        failed.Record(new WebhookResponse(400, TimeSpan.FromMilliseconds(3), "no", null), now, new WebhookPolicy(), new Random(1));

        var inserts = BulkInsert.Commands(db, deliveries).Concat(BulkInsert.Commands(db, attempts)).ToList();
        var update = await SqlServerOffline.CommandsOfAsync(context => WebhookDispatcher.WriteOutcomeAsync(context, failed, [1, 2, 3], CancellationToken.None));

        Assert.All(inserts, insert =>
        {
            Assert.InRange(insert.Parameters.Length, 1, 2_100);
            Assert.DoesNotContain("[Id]", insert.Sql, StringComparison.Ordinal);
            Assert.Empty(SqlServerOffline.ParseErrors(insert.Sql));
        });
        Assert.Equal(
            700 * (db.Model.FindEntityType(typeof(WebhookDelivery))!.GetProperties().Count() - 1) + 700 * (db.Model.FindEntityType(typeof(WebhookAttempt))!.GetProperties().Count() - 1),
            inserts.Sum(i => i.Parameters.Length));
        Assert.StartsWith("INSERT INTO [WebhookDeliveries] ([", inserts[0].Sql, StringComparison.Ordinal);
        Assert.InRange(inserts.Count, 2, 20);
        Assert.Contains(inserts[0].Parameters, p => p.DbType == System.Data.DbType.DateTime2 && Equals(p.Value, now));
        var sql = Assert.Single(update);
        Assert.StartsWith("UPDATE [w]", sql.TrimStart(), StringComparison.Ordinal);
        Assert.Empty(SqlServerOffline.ParseErrors(sql));
    }

    /// <summary>A page using every kind of filter and a backward seek under a title order (the shapes of every operator).</summary>
    private static ArticleListRequest FilteredRequest(ArticleStage stage) => new(
        stage,
        new ArticleFilter
        {
            Slug = new StringFilter { StartsWith = "battle-", Nin = ["x"] },
            Title = new StringFilter { Contains = "50%_off", Or = [new StringFilter { Eq = "A" }, new StringFilter { EndsWith = "z" }] },
            Tags = new ListFilter<TagFilter> { Some = new TagFilter { Slug = new StringFilter { In = ["cold-war", "battles"] } }, Any = true },
            Places = new ListFilter<PlaceFilter> { None = new PlaceFilter { Country = new StringFilter { Eq = "Egypt" } } },
            HistoricalDate = new ComparableFilter<DatePoint> { Gte = new DatePoint(-490), Nlt = new DatePoint(1914, 7), In = [new DatePoint(1944)] },
            Status = new EnumFilter<ArticleStatus> { Nin = [ArticleStatus.Archived] },
            PublishedAt = new ComparableFilter<DateTime> { Lt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            Or = [new ArticleFilter { UpdatedAt = new ComparableFilter<DateTime> { Gt = DateTime.UnixEpoch }, UpdatedBy = new StringFilter { StartsWith = "key:" } }, new ArticleFilter { Tags = new ListFilter<TagFilter> { All = new TagFilter { Slug = new StringFilter { NContains = "x" } } } }],
        },
        [new ArticleSort(ArticleSortField.Title, Descending: false), new ArticleSort(ArticleSortField.HistoricalDate, Descending: true)],
        20,
        Backward: true,
        Position: ["Marathon", -4_889_899L, "battle-of-marathon"]);
}

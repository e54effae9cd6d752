using Cms.Model.Delivery;
using Cms.Model.Persistence;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        Assert.Contains("CREATE INDEX [IX_Articles_PublishedOrder] ON [Articles] ([PublishedDateSortKey] DESC, [Slug]) WHERE PublishedDateSortKey IS NOT NULL", script, StringComparison.Ordinal);
        Assert.Empty(SqlServerOffline.ParseErrors(script));
    }

    public static TheoryData<string> DeliveryQueries =>
        ["by-slug", "first-page", "next-page", "published-versions", "versions-with-sections", "versions-with-all-content", "count",
         "history-page", "published-at-moment", "redirect", "slug-in-use", "due-schedules", "api-key", "content-version"];

    [Theory]
    [MemberData(nameof(DeliveryQueries))]
    public void Every_delivery_query_translates_to_valid_t_sql(string name)
    {
        using var db = SqlServerOffline.CreateContext();
        var articles = new PublishedArticles(db, VersionCaches.Off());
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];

        var sql = name switch
        {
            "by-slug" => SqlServerOffline.QuerySql(db.Articles.Where(a => a.Slug == "battle-of-marathon" && a.DeletedAt == null)),
            "first-page" => SqlServerOffline.QuerySql(articles.Page(21, null)),
            "next-page" => SqlServerOffline.QuerySql(articles.Page(21, new ArticlePosition(-4_889_899, "battle-of-marathon"))),
            "published-versions" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.None)),
            "versions-with-sections" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.Sections)),

            // Split queries show only their first statement; as one statement the same includes show every join and ordering.
            "versions-with-all-content" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.All).AsSingleQuery()),
            "count" => SqlServerOffline.QuerySql(db.Articles.Where(a => a.PublishedVersionNumber != null)),
            "history-page" => SqlServerOffline.QuerySql(db.ArticleVersions.Where(v => v.ArticleId == ids[0] && v.Number < 40).OrderByDescending(v => v.Number).Take(21)),
            "published-at-moment" => SqlServerOffline.QuerySql(db.PublicationLog.Where(e => e.ArticleId == ids[0] && e.At <= DateTime.UtcNow).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(1)),
            "redirect" => SqlServerOffline.QuerySql(db.SlugRedirects.Where(r => r.OldSlug == "old-slug")),
            "slug-in-use" => SqlServerOffline.QuerySql(db.SlugRedirects.Where(r => r.OldSlug == "x" && r.ArticleId != ids[0])),
            "due-schedules" => SqlServerOffline.QuerySql(db.ScheduledPublications.Where(x => x.State == Model.Articles.ScheduleState.Pending && x.At <= DateTime.UtcNow).OrderBy(x => x.At).Select(x => x.Id).Take(50)),
            "api-key" => SqlServerOffline.QuerySql(db.ApiKeys.Where(k => k.PublicId == "0123456789ab")),
            "content-version" => SqlServerOffline.QuerySql(ContentVersion.Latest(db)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Empty(SqlServerOffline.ParseErrors(sql));
    }

    [Fact]
    public void A_page_of_the_published_list_reads_only_the_articles_table_in_the_order_of_its_filtered_index()
    {
        using var db = SqlServerOffline.CreateContext();

        var sql = SqlServerOffline.QuerySql(new PublishedArticles(db, VersionCaches.Off()).Page(21, new ArticlePosition(-4_889_899, "battle-of-marathon")));

        Assert.DoesNotContain("ArticleVersions", sql, StringComparison.Ordinal);
        Assert.Contains("[a].[PublishedDateSortKey] IS NOT NULL", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [a].[PublishedDateSortKey] DESC, [a].[Slug]", sql, StringComparison.Ordinal);
    }
}

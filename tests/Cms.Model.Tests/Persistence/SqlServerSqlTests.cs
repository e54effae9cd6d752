using Cms.Model.Delivery;
using Cms.Model.Persistence;
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
        Assert.Empty(SqlServerOffline.ParseErrors(script));
    }

    public static TheoryData<string> DeliveryQueries =>
        ["by-slug", "first-page", "next-page", "published-versions", "versions-with-sections", "versions-with-all-content", "count"];

    [Theory]
    [MemberData(nameof(DeliveryQueries))]
    public void Every_delivery_query_translates_to_valid_t_sql(string name)
    {
        using var db = SqlServerOffline.CreateContext();
        var articles = new PublishedArticles(db);
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];

        var sql = name switch
        {
            "by-slug" => SqlServerOffline.QuerySql(articles.BySlug("battle-of-marathon")),
            "first-page" => SqlServerOffline.QuerySql(articles.Page(21, null)),
            "next-page" => SqlServerOffline.QuerySql(articles.Page(21, new ArticlePosition(-4_889_899, "battle-of-marathon"))),
            "published-versions" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.None)),
            "versions-with-sections" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.Sections)),

            // Split queries show only their first statement; as one statement the same includes show every join and ordering.
            "versions-with-all-content" => SqlServerOffline.QuerySql(articles.PublishedVersionsOf(ids, VersionParts.All).AsSingleQuery()),
            "count" => SqlServerOffline.QuerySql(db.Articles.Where(a => a.PublishedVersionNumber != null)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Empty(SqlServerOffline.ParseErrors(sql));
    }
}

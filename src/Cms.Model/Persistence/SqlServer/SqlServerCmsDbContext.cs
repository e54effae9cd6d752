using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence.SqlServer;

/// <summary>The production database. Its migrations are in Persistence/SqlServer/Migrations and run only by the explicit migrate command.</summary>
public sealed class SqlServerCmsDbContext(DbContextOptions<SqlServerCmsDbContext> options) : CmsDbContext(options)
{
    /// <summary>A binary collation, as SQLite compares: tag slugs keep every script, and the server's default would take
    /// distinct slugs (differing only in kana or width, say) for one.</summary>
    private const string OrdinalCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TagDefinition>().Property(t => t.Slug).UseCollation(OrdinalCollation);
        modelBuilder.Entity<Tag>().Property(t => t.Slug).UseCollation(OrdinalCollation);
    }
}

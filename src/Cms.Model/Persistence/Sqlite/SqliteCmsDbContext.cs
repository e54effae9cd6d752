using Cms.Model.Persistence.Configurations;
using Cms.Model.Search;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence.Sqlite;

/// <summary>The embedded default and the test database. Its migrations are in Persistence/Sqlite/Migrations.</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Declared so that EF Core writes these rows without RETURNING, which a table with triggers must not rely on.
        modelBuilder.Entity<SearchDocument>().ToTable(t =>
        {
            foreach (var trigger in SearchDocumentConfiguration.SqliteTriggers)
            {
                t.HasTrigger(trigger);
            }
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence.Sqlite;

/// <summary>The embedded default and the test database. Its migrations are in Persistence/Sqlite/Migrations.</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options);

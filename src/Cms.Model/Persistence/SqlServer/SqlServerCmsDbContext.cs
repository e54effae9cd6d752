using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence.SqlServer;

/// <summary>The production database. Its migrations are in Persistence/SqlServer/Migrations and run only by the explicit migrate command.</summary>
public sealed class SqlServerCmsDbContext(DbContextOptions<SqlServerCmsDbContext> options) : CmsDbContext(options);

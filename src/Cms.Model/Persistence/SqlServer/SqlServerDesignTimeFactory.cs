using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cms.Model.Persistence.SqlServer;

/// <summary>Lets `dotnet ef` build the context without a server: adding a migration or scripting one never connects.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCmsDbContext>
{
    public SqlServerCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCmsDbContext>().UseSqlServer("Server=localhost;Database=Cms;Integrated Security=true;TrustServerCertificate=true").Options);
}

using Cms.Model.Persistence.Sqlite;
using Cms.Model.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Model.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

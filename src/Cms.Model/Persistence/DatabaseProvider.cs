namespace Cms.Model.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

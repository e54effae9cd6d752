using System.ComponentModel.DataAnnotations;
using Cms.Model.Persistence;

namespace Cms.Api.Hosting;

/// <summary>Where content is stored. Bound from the "Database" configuration section and validated at start-up.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>`Sqlite` (default: the embedded database, no set-up) or `SqlServer` (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The provider's connection string. Required for SQL Server. For SQLite it defaults to
    /// <c>cms.db</c> inside <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder, relative to the content root unless absolute, that holds the embedded SQLite database. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Apply pending migrations when the server starts. Default: true for SQLite, false for SQL Server, where
    /// migrations run only through the explicit <c>migrate</c> command and start-up refuses a database that needs them.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Add the demo articles when the database holds no article yet. Default: true for SQLite, false for SQL Server.</summary>
    public bool? SeedDemoContent { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    public bool ShouldSeedDemoContent => SeedDemoContent ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>The connection string to use, with the embedded default filled in.</summary>
    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var directory = Path.GetFullPath(DataDirectory, contentRoot);
        return $"Data Source={Path.Combine(directory, "cms.db")}";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult($"Database:Provider must be one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:ConnectionString is required when Database:Provider is SqlServer.");
        }

        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Database:DataDirectory must name a folder when no Database:ConnectionString is given.");
        }
    }
}

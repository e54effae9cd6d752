using Cms.Model.Persistence;

namespace Cms.Api.Hosting;

public static partial class CommandLineExtensions
{
    public static async Task<int> RunCommandAsync(this WebApplication app, CommandLine command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cms.Api.Migrate");
                    await DatabaseStartup.MigrateAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), logger, CancellationToken.None);
                }

                return 0;
            case "schema" when command.Arguments is ["export", ..]:
                var path = command.Arguments.Length > 1
                    ? Path.GetFullPath(command.Arguments[1])
                    : SchemaExport.DefaultPath(app.Environment.ContentRootPath);
                await File.WriteAllTextAsync(path, SchemaExport.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>()));
                await Console.Out.WriteLineAsync($"Wrote the schema to {path}");
                return 0;
            case "apikeys":
                if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup)
                {
                    // The embedded database may not exist yet; keys can be made before the first server start.
                    await using var migrationScope = app.Services.CreateAsyncScope();
                    var migrationLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cms.Api.Migrate");
                    await DatabaseStartup.MigrateAsync(migrationScope.ServiceProvider.GetRequiredService<CmsDbContext>(), migrationLogger, CancellationToken.None);
                }

                return await ApiKeyCommands.RunAsync(app, command);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command.Name}'. Commands:");
                foreach (var (name, description) in CommandLine.Commands)
                {
                    await Console.Error.WriteLineAsync($"  {name,-12} {description}");
                }

                return 2;
        }
    }
}

using Cms.Model.Persistence;

namespace Cms.Api.Hosting;

/// <summary>
/// `dotnet run --project src/Cms.Api -- &lt;command&gt;`: operator tasks that use the same configuration as the
/// server but never start it. Anything after the command (such as --Database:Provider=SqlServer) is configuration.
/// </summary>
public sealed partial record CommandLine(string? Name, string[] HostArguments)
{
    public static readonly IReadOnlyDictionary<string, string> Commands = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["migrate"] = "Apply pending migrations of the configured provider, then exit.",
        ["schema"] = "schema export [path]: write the GraphQL schema as SDL (default: schema.graphql at the repository root).",
        ["apikeys"] = "apikeys create --name <name> --role <viewer|editor|publisher|admin> [--expires <date>] | apikeys list | apikeys revoke <id or public id>",
    };

    /// <summary>Options that belong to a command rather than to configuration (<c>--name ci</c>, <c>--role=editor</c>).</summary>
    private static readonly HashSet<string> CommandOptions = new(StringComparer.OrdinalIgnoreCase) { "name", "role", "expires" };

    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return new CommandLine(null, args);
        }

        // Words after the command, up to the first option or setting, are its arguments ("schema export out.graphql").
        var words = args.Skip(1).TakeWhile(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var host = new List<string>();
        var rest = args[(1 + words.Length)..];
        for (var i = 0; i < rest.Length; i++)
        {
            var name = rest[i].TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? name : name[..equals];
            if (rest[i].StartsWith("--", StringComparison.Ordinal) && CommandOptions.Contains(key))
            {
                if (equals >= 0)
                {
                    options[key] = name[(equals + 1)..];
                }
                else if (i + 1 < rest.Length)
                {
                    options[key] = rest[++i];
                }

                continue;
            }

            host.Add(rest[i]);
        }

        return new CommandLine(args[0], [.. host]) { Arguments = words, Options = options };
    }

    /// <summary>The command's own options, such as --name and --role for "apikeys create".</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The command's own words, such as "export" and a path for "schema".</summary>
    public string[] Arguments { get; init; } = [];
}

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

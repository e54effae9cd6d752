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
        ["schema"] = "schema export [path]: write the GraphQL schema as SDL (default ./schema.graphql).",
    };

    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return new CommandLine(null, args);
        }

        // Words after the command, up to the first option or setting, are its arguments ("schema export out.graphql").
        var words = args.Skip(1).TakeWhile(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        return new CommandLine(args[0], args[(1 + words.Length)..]) { Arguments = words };
    }

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
                    : GraphQL.SchemaExport.DefaultPath(app.Environment.ContentRootPath);
                await File.WriteAllTextAsync(path, GraphQL.SchemaExport.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>()));
                await Console.Out.WriteLineAsync($"Wrote the schema to {path}");
                return 0;
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

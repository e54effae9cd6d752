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
    };

    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)
            ? new CommandLine(args[0], args[1..])
            : new CommandLine(null, args);
    }
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

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

    /// <summary>What asks for the usage instead of a server: <c>--help</c>, <c>-h</c> (and <c>-?</c>, <c>help</c>), as the first argument.</summary>
    public static readonly IReadOnlySet<string> HelpArguments = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "--help", "-h", "-?", "/?", "help" };

    /// <summary>The settings a new user or an operator reaches for first (docs/configuration.md has them all).</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> CommonSettings =
    [
        ("--urls <urls>", "Where to listen (ASPNETCORE_URLS; `dotnet run` uses http://localhost:5080)."),
        ("--environment <name>", "Development, Production, ... (ASPNETCORE_ENVIRONMENT)."),
        ("Database:Provider", "Sqlite (default, the embedded database) or SqlServer."),
        ("Database:ConnectionString", "Required for SqlServer; for SQLite default Data Source=<DataDirectory>/cms.db."),
        ("Database:DataDirectory", "Folder of the embedded database and media folder (default data, in the content root)."),
        ("Database:MigrateOnStartup", "Apply migrations at start (default: true for SQLite, false for SQL Server)."),
        ("Database:SeedDemoContent", "Add demo articles to an empty database (default: true for SQLite)."),
        ("Media:Store:Kind", "Folder (default, <DataDirectory>/media or Media:Store:Folder) or AzureBlob."),
        ("Media:Store:BlobAccountUri", "The blob account for AzureBlob, reached with the managed identity."),
        ("Auth:Jwt:Authority, Auth:Jwt:Audience", "Accept JWT bearer tokens from this issuer for this audience."),
        ("Auth:BootstrapAdminKey", "Create and print an admin key for a database without keys (default: SQLite, not Production)."),
        ("Telemetry:Console", "Print the traces of requests to the console (default false; Telemetry:ConsoleMetrics=true adds metrics)."),
        ("Telemetry:OtlpEndpoint", "Export telemetry to an OTLP collector, such as http://localhost:4317."),
        ("Deployment:InstanceCount", "Instances serving the app; 1 lets Production run on SQLite and the folder media store."),
    ];

    /// <summary>Options that belong to a command rather than to configuration (<c>--name ci</c>, <c>--role=editor</c>).</summary>
    private static readonly HashSet<string> CommandOptions = new(StringComparer.OrdinalIgnoreCase) { "name", "role", "expires" };

    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && HelpArguments.Contains(args[0]))
        {
            return new CommandLine(args[0], []);
        }

        // Settings may come before a command too ("--Database:DataDirectory=/tmp/x apikeys create ..."): without this
        // the command would be taken for a setting's value and the server would start instead.
        var leading = LeadingSettingsLength(args);
        if (leading > 0 && leading < args.Length && Commands.ContainsKey(args[leading]))
        {
            args = [.. args[leading..], .. args[..leading]];
        }

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

    /// <summary>
    /// How many arguments at the start are settings, as configuration's command-line source reads them: <c>--key=value</c>
    /// or <c>key=value</c> is one, <c>--key value</c> is two.
    /// </summary>
    private static int LeadingSettingsLength(string[] args)
    {
        var i = 0;
        while (i < args.Length)
        {
            if (args[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
            else if (args[i].StartsWith('-') && i + 1 < args.Length)
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>True for <c>--help</c> and its aliases (<see cref="HelpArguments"/>).</summary>
    public bool IsHelp => Name is not null && HelpArguments.Contains(Name);

    /// <summary>True for a command this program knows (or a request for help); anything else gets the usage on stderr.</summary>
    public bool IsKnown => Name is null || IsHelp || Commands.ContainsKey(Name);

    /// <summary>
    /// What to do before any host is built: print the usage (to stdout for help, exit 0; to stderr for an unknown command,
    /// exit 2), or nothing (null) when the server or a known command is to run.
    /// </summary>
    public int? ExitWithoutHost(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (IsHelp)
        {
            output.Write(Usage());
            return 0;
        }

        if (!IsKnown)
        {
            error.WriteLine($"Unknown command '{Name}'.");
            error.WriteLine();
            error.Write(Usage());
            return 2;
        }

        return null;
    }

    /// <summary>The text of --help: how to run, the commands, the common settings.</summary>
    public static string Usage()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Usage: dotnet run --project src/Cms.Api [-- [command] [--Section:Key=value ...]]");
        text.AppendLine("       (published: dotnet Cms.Api.dll [command] [--Section:Key=value ...])");
        text.AppendLine();
        text.AppendLine("Without a command, starts the server. Commands (they use the server's configuration and exit):");
        foreach (var (name, description) in Commands)
        {
            text.AppendLine($"  {name,-10} {description}");
        }

        text.AppendLine($"  {"--help",-10} Print this text and exit (also -h).");
        text.AppendLine();
        text.AppendLine("Settings, as --Section:Key=value arguments or Section__Key environment variables (appsettings.json too):");
        foreach (var (name, description) in CommonSettings)
        {
            text.AppendLine($"  {name}");
            text.AppendLine($"      {description}");
        }

        text.AppendLine();
        text.AppendLine("All settings: docs/configuration.md.");
        return text.ToString();
    }

    /// <summary>The command's own options, such as --name and --role for "apikeys create".</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The command's own words, such as "export" and a path for "schema".</summary>
    public string[] Arguments { get; init; } = [];
}

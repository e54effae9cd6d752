using Cms.Api.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cms.Api.Tests.Architecture;

/// <summary>
/// Which top-level folders of a project under src/ use which others, read from the sources with Roslyn's semantic model:
/// every name that resolves to a symbol declared in another folder (types, members, constants, extension methods) counts.
/// Reading symbols rather than IL sees constants and nameof, which compile away, and rather than using directives sees
/// names that resolve without one (Cms.Api.X code can name Cms.Api.Y.Z as Y.Z).
/// </summary>
internal sealed class SourceDependencies
{
    /// <summary>The SDK's implicit global usings, which the build adds to every file.</summary>
    private static readonly string[] PlainSdkUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>The Web SDK's additions to <see cref="PlainSdkUsings"/>.</summary>
    private static readonly string[] WebSdkUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private const string ImplicitUsingsFile = "ImplicitUsings.g.cs";

    private readonly Lazy<(IReadOnlyDictionary<string, SortedSet<string>> Graph, IReadOnlyDictionary<(string, string), string> Examples, IReadOnlyList<string> Errors)> _analysis;
    private readonly string[] _implicitUsings;
    private readonly OutputKind _outputKind;

    private SourceDependencies(string project, bool webSdk)
    {
        ProjectFolder = Path.GetFullPath(Path.Combine(Node.ScriptsFolder, "..", "..", "src", project));
        _implicitUsings = webSdk ? [.. PlainSdkUsings, .. WebSdkUsings] : PlainSdkUsings;
        _outputKind = webSdk ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        _analysis = new(Analyze);
    }

    /// <summary>src/Cms.Api: the transport, the schema core, the features and Hosting.</summary>
    public static SourceDependencies CmsApi { get; } = new("Cms.Api", webSdk: true);

    /// <summary>src/Cms.Model: the domain's features, the outcomes they share, and Persistence.</summary>
    public static SourceDependencies CmsModel { get; } = new("Cms.Model", webSdk: false);

    public string ProjectFolder { get; }

    /// <summary>For each folder, the folders whose declarations it uses. Files at the project root belong to "(root)".</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Graph => _analysis.Value.Graph;

    /// <summary>For each edge of the graph, one place that makes it ("file(line): name"), to tell a reader where to look.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Examples => _analysis.Value.Examples;

    /// <summary>Compilation errors other than the ones source generators would resolve; the graph is exact only without them.</summary>
    public IReadOnlyList<string> CompilationErrors => _analysis.Value.Errors;

    public string FolderOf(string filePath)
    {
        var relative = Path.GetRelativePath(ProjectFolder, Path.GetFullPath(filePath));
        var separator = relative.IndexOfAny(['/', '\\']);
        return separator < 0 ? "(root)" : relative[..separator];
    }

    private (IReadOnlyDictionary<string, SortedSet<string>>, IReadOnlyDictionary<(string, string), string>, IReadOnlyList<string>) Analyze()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var files = Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, Path.GetFullPath(f))).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(_implicitUsings.Select(u => $"global using global::{u};\n")), parseOptions, ImplicitUsingsFile));

        var compilation = CSharpCompilation.Create(
            Path.GetFileName(ProjectFolder),
            trees,
            References(),
            new CSharpCompilationOptions(_outputKind, nullableContextOptions: NullableContextOptions.Enable));

        // CS8795: partial methods implemented by the logging source generator, which this compilation does not run.
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795")
            .Select(d => d.ToString())
            .ToList();

        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var examples = new Dictionary<(string, string), string>();
        foreach (var tree in trees.Where(t => t.FilePath != ImplicitUsingsFile))
        {
            var from = FolderOf(tree.FilePath);
            var uses = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new SortedSet<string>(StringComparer.Ordinal);
            var model = compilation.GetSemanticModel(tree);
            // Every reference ends in a simple name (a type, a member, a constant, an extension method), so names suffice.
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>())
            {
                // A namespace is declared in every folder that uses it; what counts is the types and members named.
                var symbol = model.GetSymbolInfo(node).Symbol;
                if (symbol is INamespaceSymbol or IAliasSymbol)
                {
                    continue;
                }

                var declaration = (symbol as IMethodSymbol)?.ReducedFrom ?? symbol?.OriginalDefinition;
                var location = declaration?.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree?.FilePath != ImplicitUsingsFile);
                if (location?.SourceTree is { } declaredIn && FolderOf(declaredIn.FilePath) is var to && to != from && uses.Add(to))
                {
                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    examples[(from, to)] = $"{Path.GetFileName(tree.FilePath)}({line}): {node}";
                }
            }
        }

        return (graph, examples, errors);
    }

    /// <summary>The platform and every assembly beside the tests, except this project's own and the ones above it.</summary>
    private List<MetadataReference> References()
    {
        string[] ours = _outputKind == OutputKind.ConsoleApplication
            ? ["Cms.Api.dll", "Cms.Api.Tests.dll"]
            : ["Cms.Api.dll", "Cms.Api.Tests.dll", "Cms.Model.dll"];
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local)
            .Where(f => !ours.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()))];
    }
}

using Cms.Api.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cms.Api.Tests.Architecture;

/// <summary>
/// Which top-level folders of src/Cms.Api use which others, read from the sources with Roslyn's semantic model: every
/// name that resolves to a symbol declared in another folder (types, members, constants, extension methods) counts.
/// Reading symbols rather than IL sees constants and nameof, which compile away, and rather than using directives sees
/// names that resolve without one (Cms.Api.X code can name Cms.Api.Y.Z as Y.Z).
/// </summary>
internal static class SourceDependencies
{
    /// <summary>The Web SDK's implicit global usings, which the project's build adds to every file.</summary>
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<(IReadOnlyDictionary<string, SortedSet<string>> Graph, IReadOnlyDictionary<(string, string), string> Examples, IReadOnlyList<string> Errors)> Analysis = new(Analyze);

    public static string ProjectFolder { get; } = Path.Combine(Node.ScriptsFolder, "..", "..", "src", "Cms.Api");

    /// <summary>For each folder, the folders whose declarations it uses. Files at the project root belong to "(root)".</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> Graph => Analysis.Value.Graph;

    /// <summary>For each edge of the graph, one place that makes it ("file(line): name"), to tell a reader where to look.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Examples => Analysis.Value.Examples;

    /// <summary>Compilation errors other than the ones source generators would resolve; the graph is exact only without them.</summary>
    public static IReadOnlyList<string> CompilationErrors => Analysis.Value.Errors;

    public static string FolderOf(string filePath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(ProjectFolder), Path.GetFullPath(filePath));
        var separator = relative.IndexOfAny(['/', '\\']);
        return separator < 0 ? "(root)" : relative[..separator];
    }

    private static (IReadOnlyDictionary<string, SortedSet<string>>, IReadOnlyDictionary<(string, string), string>, IReadOnlyList<string>) Analyze()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var files = Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, Path.GetFullPath(f))).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parseOptions, "ImplicitUsings.g.cs"));

        var compilation = CSharpCompilation.Create(
            "Cms.Api",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        // CS8795: partial methods implemented by the logging source generator, which this compilation does not run.
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795")
            .Select(d => d.ToString())
            .ToList();

        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var examples = new Dictionary<(string, string), string>();
        foreach (var tree in trees.Where(t => t.FilePath != "ImplicitUsings.g.cs"))
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
                var location = declaration?.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree?.FilePath != "ImplicitUsings.g.cs");
                if (location?.SourceTree is { } declaredIn && FolderOf(declaredIn.FilePath) is var to && to != from && uses.Add(to))
                {
                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    examples[(from, to)] = $"{Path.GetFileName(tree.FilePath)}({line}): {node}";
                }
            }
        }

        return (graph, examples, errors);
    }

    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is not ("Cms.Api.dll" or "Cms.Api.Tests.dll"));
        return [.. platform.Concat(local)
            .Where(f => Path.GetFileName(f) is not ("Cms.Api.dll" or "Cms.Api.Tests.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()))];
    }
}

using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cms.Api.Tests.Architecture;

/// <summary>
/// The shape every feature shares (docs/architecture.md): a file holds one type and is named for it (an input or payload
/// record may keep its graph type beside it), mutations are declared only through the mutation convention, and services
/// reach feature code only through the DI seam.
/// </summary>
public sealed class FeatureShapeTests
{
    private static readonly string[] Features = ["Articles", "Media", "Taxonomy", "Previews", "Presence", "ApiKeys", "Webhooks", "Subscriptions"];

    [Fact]
    public void Every_source_file_holds_one_type_named_for_it()
    {
        var misfits = SourceFiles()
            .Select(file => (file, problem: ShapeProblem(file)))
            .Where(f => f.problem is not null)
            .Select(f => $"{Path.GetRelativePath(Path.Combine(SourceDependencies.CmsApi.ProjectFolder, ".."), f.file)}: {f.problem}")
            .ToList();

        Assert.Empty(misfits);
    }

    [Fact]
    public void Every_feature_has_a_feature_file_that_registers_it()
    {
        var missing = Features.Where(f => !File.Exists(Path.Combine(SourceDependencies.CmsApi.ProjectFolder, f, $"{f}Feature.cs"))).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Mutations_are_declared_only_through_the_mutation_convention()
    {
        // Every mutation takes one argument named input; only the convention declares it.
        var convention = Path.Combine(SourceDependencies.CmsApi.ProjectFolder, "SchemaCore", "Mutations");
        var elsewhere = CmsApiFiles()
            .Where(file => !file.StartsWith(convention, StringComparison.Ordinal) && File.ReadAllText(file).Contains("(\"input\")", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(elsewhere);
    }

    /// <summary>Resolvers take their services through WithService, the paging helper or a constructor; endpoints through [AsParameters].</summary>
    [Fact]
    public void Feature_code_never_looks_up_a_requests_services_itself()
    {
        var lookups = CmsApiFiles()
            .Where(file => Features.Contains(SourceDependencies.CmsApi.FolderOf(file)))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => l.line.Contains("RequestServices", StringComparison.Ordinal))
            .Select(l => $"{Path.GetFileName(l.file)}({l.number}): {l.line.Trim()}")
            .ToList();

        Assert.Empty(lookups);
    }

    private static string? ShapeProblem(string file)
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot();
        var names = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Select(node => node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.Text,
                DelegateDeclarationSyntax del => del.Identifier.Text,
                _ => null,
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var expected = Path.GetFileNameWithoutExtension(file);
        if (expected == "Program" && names.Count == 0)
        {
            return null;
        }

        // An input or payload record and its graph type are one thing seen from two sides, so they may share a file.
        var folder = Path.GetFileName(Path.GetDirectoryName(file));
        string[] allowed = folder is "Inputs" or "Payloads" ? [expected, $"{expected}GraphType"] : [expected];
        return names.Count > 0 && names.Contains(expected) && names.All(allowed.Contains)
            ? null
            : $"holds {(names.Count == 0 ? "no type" : string.Join(", ", names))}";
    }

    private static IEnumerable<string> SourceFiles() =>
        CmsApiFiles().Concat(ProjectFiles(SourceDependencies.CmsModel.ProjectFolder));

    private static IEnumerable<string> CmsApiFiles() => ProjectFiles(SourceDependencies.CmsApi.ProjectFolder);

    /// <summary>Hand-written sources: what dotnet-ef generates (migrations, compiled models) has its own shape.</summary>
    private static IEnumerable<string> ProjectFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations" or "CompiledModel"));
}

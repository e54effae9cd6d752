using Xunit.Abstractions;

namespace Cms.Api.Tests.Architecture;

/// <summary>
/// The direction of src/Cms.Api, as docs/architecture.md draws it: the transport knows nothing of the app, the
/// schema core knows no feature, features know only the core (and Cms.Model), and Hosting composes them all.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    [Fact]
    public void Cms_Api_reads_without_compilation_errors_so_the_dependency_graph_is_complete()
    {
        Assert.Empty(SourceDependencies.CompilationErrors);
    }

    [Fact]
    public void No_two_folders_of_Cms_Api_use_each_other()
    {
        var graph = SourceDependencies.Graph;
        Describe(graph);

        var cycles = graph.SelectMany(from => from.Value.Where(to => graph.TryGetValue(to, out var back) && back.Contains(from.Key) && string.CompareOrdinal(from.Key, to) < 0)
            .Select(to => $"{from.Key} <-> {to}")).ToList();

        Assert.Empty(cycles);
    }

    [Fact]
    public void Each_folder_uses_only_the_folders_below_it()
    {
        var allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Transport"] = [],
            ["SchemaCore"] = ["Transport"],
            ["HttpSecurity"] = ["Transport", "SchemaCore"],
            ["Articles"] = ["SchemaCore"],
            ["ApiKeys"] = ["SchemaCore"],
            ["Taxonomy"] = ["SchemaCore"],
            ["Media"] = ["SchemaCore"],
            ["GraphiQL"] = ["Transport"],
        };
        var graph = SourceDependencies.Graph;
        Describe(graph);

        var violations = graph
            .Where(folder => folder.Key is not ("Hosting" or "(root)" or "Properties"))
            .SelectMany(folder => folder.Value.Except(allowed.TryGetValue(folder.Key, out var ok) ? ok : []).Select(to => $"{folder.Key} -> {to}"))
            .ToList();

        Assert.Empty(violations);
        Assert.Equal(allowed.Keys.Order(StringComparer.Ordinal), graph.Keys.Where(k => allowed.ContainsKey(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_transport_references_nothing_of_the_app()
    {
        var transportFiles = Directory.EnumerateFiles(Path.Combine(SourceDependencies.ProjectFolder, "Transport"), "*.cs", SearchOption.AllDirectories);

        var appNamespaces = transportFiles
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("using Cms.", StringComparison.Ordinal) && !line.StartsWith("using Cms.Api.Transport", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(appNamespaces);
        Assert.Empty(SourceDependencies.Graph["Transport"]);
    }

    [Fact]
    public void Cms_Model_references_neither_AspNetCore_nor_GraphQL()
    {
        var model = typeof(Cms.Model.Articles.Article).Assembly;

        var forbidden = model.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("GraphQL", StringComparison.Ordinal))
            .ToList();
        var project = File.ReadAllText(Path.Combine(SourceDependencies.ProjectFolder, "..", "Cms.Model", "Cms.Model.csproj"));

        Assert.Empty(forbidden);
        Assert.DoesNotContain("Include=\"Microsoft.AspNetCore", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Include=\"GraphQL", project, StringComparison.Ordinal);
    }

    private void Describe(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        foreach (var (folder, uses) in graph.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{folder} -> {string.Join(", ", uses.Select(to => $"{to} [{SourceDependencies.Examples[(folder, to)]}]"))}");
        }
    }
}

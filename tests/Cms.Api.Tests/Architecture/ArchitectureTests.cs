using Xunit.Abstractions;

namespace Cms.Api.Tests.Architecture;

/// <summary>
/// The direction of both projects, as docs/architecture.md draws it, written as tables and enforced on symbols. In
/// src/Cms.Api the transport knows nothing of the app, the schema core knows no feature, and each feature knows the core,
/// Common and the features listed below it; Hosting composes them all. In src/Cms.Model, Outcomes is the bottom, each
/// feature knows the folders listed below it, and Persistence (the DbContext, which names every entity) is the one hub.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    /// <summary>Folders of src/Cms.Api, each with the folders it may use. Hosting, Program.cs and Properties compose and may use any.</summary>
    private static readonly Dictionary<string, string[]> CmsApiDirection = new(StringComparer.Ordinal)
    {
        ["Settings"] = [],
        ["Transport"] = ["Settings"],
        ["Common"] = [],
        ["SchemaCore"] = ["Transport", "Common"],
        ["HttpSecurity"] = ["Settings", "Transport", "SchemaCore", "Common"],
        ["GraphiQL"] = ["Settings", "Transport"],
        ["Studio"] = ["Settings", "Transport"],
        ["Taxonomy"] = ["SchemaCore", "Common"],
        ["Media"] = ["Settings", "SchemaCore", "Common", "Taxonomy"],
        ["Articles"] = ["Settings", "SchemaCore", "Common", "Taxonomy", "Media"],
        ["Previews"] = ["SchemaCore", "Common", "Articles"],
        ["Presence"] = ["SchemaCore", "Common", "Articles"],
        ["ApiKeys"] = ["SchemaCore", "Common"],
        ["Webhooks"] = ["Settings", "SchemaCore", "Common"],
        ["Subscriptions"] = ["Settings", "SchemaCore", "Common", "Media", "Articles"],
    };

    private static readonly string[] CmsApiComposition = ["Hosting", "(root)", "Properties"];

    /// <summary>Folders of src/Cms.Model, each with the folders it may use. Every folder may use Persistence, the hub.</summary>
    private static readonly Dictionary<string, string[]> CmsModelDirection = new(StringComparer.Ordinal)
    {
        ["Outcomes"] = [],
        ["Events"] = [],
        ["Querying"] = [],
        ["Taxonomy"] = [],
        ["Dates"] = ["Outcomes"],
        ["Articles"] = ["Outcomes", "Dates", "Taxonomy"],
        ["Media"] = ["Outcomes", "Events", "Querying", "Taxonomy", "Articles"],
        ["Search"] = ["Outcomes", "Articles"],
        ["Security"] = ["Outcomes", "Articles"],
        ["Editing"] = ["Outcomes", "Events", "Dates", "Taxonomy", "Articles", "Media", "Search"],
        ["Delivery"] = ["Outcomes", "Events", "Dates", "Querying", "Taxonomy", "Articles", "Media", "Editing"],
        ["Webhooks"] = ["Outcomes", "Events"],
        ["Persistence"] = ["Outcomes", "Events", "Dates", "Querying", "Taxonomy", "Articles", "Media", "Search", "Security", "Webhooks"],
    };

    private const string Hub = "Persistence";

    [Fact]
    public void Cms_Api_reads_without_compilation_errors_so_the_dependency_graph_is_complete()
    {
        Assert.Empty(SourceDependencies.CmsApi.CompilationErrors);
    }

    [Fact]
    public void Cms_Model_reads_without_compilation_errors_so_the_dependency_graph_is_complete()
    {
        Assert.Empty(SourceDependencies.CmsModel.CompilationErrors);
    }

    [Fact]
    public void No_two_folders_of_Cms_Api_use_each_other()
    {
        Describe(SourceDependencies.CmsApi);

        Assert.Empty(Cycles(SourceDependencies.CmsApi.Graph, except: null));
    }

    [Fact]
    public void No_two_folders_of_Cms_Model_use_each_other_except_through_Persistence()
    {
        Describe(SourceDependencies.CmsModel);

        Assert.Empty(Cycles(SourceDependencies.CmsModel.Graph, except: Hub));
    }

    [Fact]
    public void Each_folder_of_Cms_Api_uses_only_the_folders_its_row_lists()
    {
        var graph = SourceDependencies.CmsApi.Graph;
        Describe(SourceDependencies.CmsApi);

        var violations = Violations(graph.Where(folder => !CmsApiComposition.Contains(folder.Key)), CmsApiDirection, always: null);

        Assert.Empty(violations);
        Assert.Equal(CmsApiDirection.Keys.Order(StringComparer.Ordinal), graph.Keys.Except(CmsApiComposition).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_folder_of_Cms_Model_uses_only_the_folders_its_row_lists_and_Persistence()
    {
        var graph = SourceDependencies.CmsModel.Graph;
        Describe(SourceDependencies.CmsModel);

        var violations = Violations(graph, CmsModelDirection, always: Hub);

        Assert.Empty(violations);
        Assert.Equal(CmsModelDirection.Keys.Order(StringComparer.Ordinal), graph.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The transport's one use inside the project is the settings mechanism every folder binds its options with.</summary>
    [Fact]
    public void The_transport_references_nothing_of_the_app()
    {
        var transportFiles = Directory.EnumerateFiles(Path.Combine(SourceDependencies.CmsApi.ProjectFolder, "Transport"), "*.cs", SearchOption.AllDirectories);

        var appNamespaces = transportFiles
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("using Cms.", StringComparison.Ordinal) && !line.StartsWith("using Cms.Api.Transport", StringComparison.Ordinal) && line != "using Cms.Api.Settings;")
            .ToList();

        Assert.Empty(appNamespaces);
        Assert.Empty(SourceDependencies.CmsApi.Graph["Transport"].Except(["Settings"]));
        Assert.Empty(SourceDependencies.CmsApi.Graph["Settings"]);
    }

    [Fact]
    public void Cms_Model_references_neither_AspNetCore_nor_GraphQL()
    {
        var model = typeof(Cms.Model.Articles.Article).Assembly;

        var forbidden = model.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("GraphQL", StringComparison.Ordinal))
            .ToList();
        var project = File.ReadAllText(Path.Combine(SourceDependencies.CmsModel.ProjectFolder, "Cms.Model.csproj"));

        Assert.Empty(forbidden);
        Assert.DoesNotContain("Include=\"Microsoft.AspNetCore", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Include=\"GraphQL", project, StringComparison.Ordinal);
    }

    private static List<string> Cycles(IReadOnlyDictionary<string, SortedSet<string>> graph, string? except) =>
        [.. graph.SelectMany(from => from.Value
            .Where(to => from.Key != except && to != except && graph.TryGetValue(to, out var back) && back.Contains(from.Key) && string.CompareOrdinal(from.Key, to) < 0)
            .Select(to => $"{from.Key} <-> {to}"))];

    private static List<string> Violations(IEnumerable<KeyValuePair<string, SortedSet<string>>> folders, Dictionary<string, string[]> direction, string? always) =>
        [.. folders.SelectMany(folder => folder.Value
            .Where(to => to != always)
            .Except(direction.TryGetValue(folder.Key, out var allowed) ? allowed : [])
            .Select(to => $"{folder.Key} -> {to}"))];

    private void Describe(SourceDependencies project)
    {
        output.WriteLine(Path.GetFileName(project.ProjectFolder));
        foreach (var (folder, uses) in project.Graph.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {folder} -> {string.Join(", ", uses.Select(to => $"{to} [{project.Examples[(folder, to)]}]"))}");
        }
    }
}

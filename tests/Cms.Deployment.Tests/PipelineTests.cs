using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cms.Deployment.Tests;

/// <summary>
/// azure-pipelines.yml and its templates, read as YAML: every file, script, project and parameter file they name exists in
/// the repository (so a rename cannot break the pipeline unseen), the artifacts deployed are the artifacts built, and no
/// secret is written in them.
/// </summary>
public sealed partial class PipelineTests
{
    private const string Pipeline = "azure-pipelines.yml";

    [Fact]
    public void Every_repository_path_the_pipeline_names_exists()
    {
        var environments = TemplateCalls().Select(call => call.Parameters["environmentName"]).ToList();
        var paths = AllFiles().SelectMany(file => Scalars(Load(file))).SelectMany(PathsIn)
            .SelectMany(path => path.Contains("${{ parameters.environmentName }}", StringComparison.Ordinal)
                ? environments.Select(e => path.Replace("${{ parameters.environmentName }}", e, StringComparison.Ordinal))
                : [path])
            .Distinct()
            .ToList();

        Assert.Equal(["dev", "prod"], environments);
        foreach (var expected in new[] { ".ci/run", "src/Cms.Api/Cms.Api.csproj", "src/Cms.Model", "infra/bicep/main.bicep", "infra/bicep/main.dev.bicepparam", "infra/bicep/main.prod.bicepparam", "infra/scripts/prepare-database.sh", "azure-pipelines/deploy.yml" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.All(paths, path => Assert.True(File.Exists(Repository.PathOf(path)) || Directory.Exists(Repository.PathOf(path)), $"{path} is named by the pipeline but does not exist"));
    }

    [Fact]
    public void Scripts_the_pipeline_runs_are_executable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var script in new[] { ".ci/run", "infra/bicep/check.sh", "infra/scripts/prepare-database.sh" })
        {
            Assert.True(File.GetUnixFileMode(Repository.PathOf(script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
        }
    }

    [Fact]
    public void What_is_deployed_is_what_the_build_published()
    {
        var published = Mappings(Load(Pipeline)).Where(m => m.Children.ContainsKey(new YamlScalarNode("publish")))
            .Select(m => ((YamlScalarNode)m.Children[new YamlScalarNode("artifact")]).Value!).ToHashSet();
        var downloaded = Mappings(Load("azure-pipelines/deploy.yml")).Where(m => m.Children.ContainsKey(new YamlScalarNode("download")))
            .Select(m => ((YamlScalarNode)m.Children[new YamlScalarNode("artifact")]).Value!).ToList();

        Assert.Equal(["app", "migrations", "infra"], downloaded);
        Assert.Superset(downloaded.ToHashSet(), published);
    }

    [Fact]
    public void The_pipeline_signs_in_through_a_service_connection_and_holds_no_secret()
    {
        var text = string.Concat(AllFiles().Select(f => File.ReadAllText(Repository.PathOf(f))));
        var azureTasks = Mappings(Load("azure-pipelines/deploy.yml")).Where(m => m.Children.TryGetValue(new YamlScalarNode("task"), out var task) && task.ToString() == "AzureCLI@2").ToList();

        Assert.NotEmpty(azureTasks);
        Assert.All(azureTasks, task => Assert.Equal("$(azureServiceConnection)", ((YamlMappingNode)task.Children[new YamlScalarNode("inputs")]).Children[new YamlScalarNode("azureSubscription")].ToString()));
        foreach (var secret in new[] { "AccountKey=", "Password=", "client_secret", "clientSecret", "SharedAccessSignature" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Build_runs_readmes_test_command_and_deploy_runs_what_if_before_create_then_a_smoke_test()
    {
        var build = File.ReadAllText(Repository.PathOf(Pipeline));
        var deploy = File.ReadAllText(Repository.PathOf("azure-pipelines/deploy.yml"));
        var ci = File.ReadAllText(Repository.PathOf(".ci/run"));

        Assert.Contains("script: .ci/run", build, StringComparison.Ordinal);
        Assert.Contains("dotnet test Cms.sln", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet test Cms.sln", File.ReadAllText(Repository.PathOf("README.md")), StringComparison.Ordinal);
        Assert.True(deploy.IndexOf("az deployment group what-if", StringComparison.Ordinal) < deploy.IndexOf("az deployment group create", StringComparison.Ordinal));
        Assert.Contains("/health/ready", deploy, StringComparison.Ordinal);
        Assert.Contains("/graphql", deploy, StringComparison.Ordinal);
        Assert.Contains("environment: cms-${{ parameters.environmentName }}", deploy, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_provisions_the_same_templates_and_deploys_the_api_project()
    {
        var azd = (YamlMappingNode)Load("azure.yaml");
        string At(params string[] keys) => keys.Aggregate((YamlNode)azd, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]).ToString();

        var infra = At("infra", "path");
        var module = At("infra", "module");
        Assert.Equal(("bicep", "infra/bicep", "main"), (At("infra", "provider"), infra, module));
        Assert.Equal("src/Cms.Api", At("services", "api", "project"));
        Assert.True(File.Exists(Repository.PathOf("src/Cms.Api/Cms.Api.csproj")));
        Assert.Equal("appservice", At("services", "api", "host"));
        Assert.True(File.Exists(Repository.PathOf(At("hooks", "postprovision", "run"))));

        // Every parameter azd passes is one main.bicep declares, and every required one is passed.
        var template = File.ReadAllText(Repository.PathOf($"{infra}/{module}.bicep"));
        var declared = BicepParameter().Matches(template).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);
        var passed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.PathOf($"{infra}/{module}.parameters.json")))!["parameters"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(passed, name => Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
        Assert.All(declared.Where(d => !d.Value), d => Assert.Contains(d.Key, passed));
    }

    [GeneratedRegex(@"^param (?<name>\w+) [^\n=]+?(?<default>=.*)?$", RegexOptions.Multiline)]
    private static partial Regex BicepParameter();

    private static IEnumerable<string> AllFiles() => [Pipeline, .. TemplateCalls().Select(call => call.Template).Distinct()];

    private static List<(string Template, Dictionary<string, string> Parameters)> TemplateCalls() =>
        [.. Mappings(Load(Pipeline)).Where(m => m.Children.ContainsKey(new YamlScalarNode("template"))).Select(m => (
            m.Children[new YamlScalarNode("template")].ToString(),
            ((YamlMappingNode)m.Children[new YamlScalarNode("parameters")]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString())))];

    private static YamlNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Repository.PathOf(file));
        stream.Load(reader);
        return stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlNode> Nodes(YamlNode node) => node switch
    {
        YamlMappingNode map => [map, .. map.Children.SelectMany(c => Nodes(c.Key).Concat(Nodes(c.Value)))],
        YamlSequenceNode sequence => [sequence, .. sequence.Children.SelectMany(Nodes)],
        _ => [node],
    };

    private static IEnumerable<YamlMappingNode> Mappings(YamlNode node) => Nodes(node).OfType<YamlMappingNode>();

    private static IEnumerable<string> Scalars(YamlNode node) => Nodes(node).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty);

    /// <summary>
    /// Paths into the repository a value names: from its root (.ci/, src/, tests/, infra/, azure-pipelines/), or under the
    /// downloaded infra artifact (which is the repository's infra folder). Build outputs (artifacts/, $(Build…)) are not files of the repository.
    /// </summary>
    private static IEnumerable<string> PathsIn(string value) =>
        RepositoryPath().Matches(value.Replace("$(Pipeline.Workspace)/infra/", "infra/", StringComparison.Ordinal))
            .Select(m => m.Value.TrimEnd('.', ',', ')', '"', '\''));

    [GeneratedRegex(@"(?<![\w$)/.-])(?:\.ci|src|tests|infra|azure-pipelines)/[\w.\-/]*(?:\$\{\{ parameters\.environmentName \}\}[\w.\-/]*)?")]
    private static partial Regex RepositoryPath();
}

using System.Text.Json.Nodes;

namespace Cms.Deployment.Tests;

/// <summary>infra/bicep compiles and lints without a warning for both environments, and says what the deployment promises.</summary>
public sealed class BicepTests
{
    private static readonly string Folder = Repository.PathOf("infra/bicep");

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Main_compiles_with_each_environments_parameters_without_a_warning(string environment)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cms-bicep-{Guid.NewGuid():N}.json");
        try
        {
            var (code, text) = await Repository.RunAsync(Repository.Bicep, Folder, "build-params", $"main.{environment}.bicepparam", "--outfile", output);

            Assert.True(code == 0 && text.Length == 0, text);
            var parameters = JsonNode.Parse(await File.ReadAllTextAsync(output))!["parameters"]!;
            Assert.Equal(environment, parameters["environmentName"]!["value"]!.GetValue<string>());
            Assert.Equal(environment == "prod" ? "Provisioned" : "Serverless", parameters["databaseTier"]!["value"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Main_lints_without_a_warning()
    {
        var (code, text) = await Repository.RunAsync(Repository.Bicep, Folder, "lint", "main.bicep");

        Assert.True(code == 0 && text.Length == 0, text);
    }

    [Fact]
    public async Task The_template_keeps_its_security_promises_and_outputs_no_secret()
    {
        var template = await CompileAsync();
        var resources = Resources(template).ToList();

        var storage = Single(resources, "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.Equal((false, false, "TLS1_2", true), (storage["allowSharedKeyAccess"]!.GetValue<bool>(), storage["allowBlobPublicAccess"]!.GetValue<bool>(),
            storage["minimumTlsVersion"]!.GetValue<string>(), storage["supportsHttpsTrafficOnly"]!.GetValue<bool>()));
        var blobs = Single(resources, "Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True(blobs["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(blobs["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.Contains(resources, r => r["type"]!.GetValue<string>() == "Microsoft.Storage/storageAccounts/blobServices/containers" && r["name"]!.ToJsonString().Contains("media", StringComparison.Ordinal));

        var sql = Single(resources, "Microsoft.Sql/servers")["properties"]!["administrators"]!;
        Assert.True(sql["azureADOnlyAuthentication"]!.GetValue<bool>());
        Assert.Equal("Group", sql["principalType"]!.GetValue<string>());

        var site = Single(resources, "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        Assert.Equal(("DOTNETCORE|10.0", true, "Disabled", "/health/ready"), (config["linuxFxVersion"]!.GetValue<string>(), config["alwaysOn"]!.GetValue<bool>(),
            config["ftpsState"]!.GetValue<string>(), config["healthCheckPath"]!.GetValue<string>()));
        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        var settings = config["appSettings"]!.ToJsonString();
        foreach (var name in new[] { "Database__Provider", "Database__ConnectionString", "Media__Store__BlobAccountUri", "APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID", "Deployment__InstanceCount" })
        {
            Assert.Contains(name, settings, StringComparison.Ordinal);
        }

        Assert.Contains("Active Directory Managed Identity", settings, StringComparison.Ordinal);

        // Entra ID for the API's tokens and the studio's sign-in: this cloud's sign-in endpoint, each part off unless its parameters are given.
        var appModule = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == "app")["properties"]!["template"]!.ToJsonString();
        foreach (var name in new[] { "Auth__Jwt__Authority", "Auth__Jwt__Audience", "Studio__Enabled", "Studio__SignIn__Authority", "Studio__SignIn__ClientId", "Studio__SignIn__Scopes__", "Studio__MediaOrigins__0", "environment().authentication.loginEndpoint" })
        {
            Assert.Contains(name, appModule, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("login.microsoftonline.com", appModule, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", settings, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", settings, StringComparison.OrdinalIgnoreCase);

        // One assignment per role, in a loop over the two role definitions (Storage Blob Data Contributor, Storage Blob Delegator).
        var rolesModule = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == "roles")["properties"]!["template"]!;
        Assert.Contains(Resources(rolesModule), r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments");
        Assert.Equal(
            ["ba92f5b4-2d11-453d-a403-e96b0029c9fe", "db58b8e5-c6ad-4a2a-8342-4190687cbf4a"],
            [rolesModule["variables"]!["blobDataContributor"]!.GetValue<string>(), rolesModule["variables"]!["blobDelegator"]!.GetValue<string>()]);

        var outputs = template["outputs"]!.AsObject().Select(o => o.Key).ToList();
        Assert.Contains("appUrl", outputs);
        Assert.DoesNotContain(outputs, o => o.Contains("secret", StringComparison.OrdinalIgnoreCase) || o.Contains("key", StringComparison.OrdinalIgnoreCase) ||
            o.Contains("password", StringComparison.OrdinalIgnoreCase) || o.Contains("connection", StringComparison.OrdinalIgnoreCase));
        Assert.All(resources.Where(r => r["tags"] is null && r["location"] is not null), r => Assert.Fail($"{r["type"]} has no tags"));
    }

    private static async Task<JsonNode> CompileAsync()
    {
        var (code, text) = await Repository.RunAsync(Repository.Bicep, Folder, "build", "main.bicep", "--stdout");
        Assert.Equal(0, code);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Every resource of the template, those of nested module deployments included.</summary>
    private static IEnumerable<JsonNode> Resources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!),
            JsonObject map => map.Select(r => r.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonNode Single(IEnumerable<JsonNode> resources, string type) => resources.Single(r => r["type"]!.GetValue<string>() == type);
}

using System.Text.Json;
using Cms.Api.Studio;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// The studio's operations, embedded by the build as trusted documents: each runs by its id in the default mode (no
/// registration first, whatever the persisted-query settings), by documentId, by Apollo's hash and with the empty query
/// graphql-ws sends; they are unknown when the studio is off; each is within the server's document limits.
/// </summary>
public sealed class BuiltInDocumentTests
{
    private static readonly Dictionary<string, string> Studio = ReadStudioManifest();

    [Fact]
    public async Task The_studios_documents_run_by_id_in_every_mode_and_are_unknown_when_the_studio_is_off()
    {
        var signIn = Studio.Single(d => d.Value.Contains("query StudioSignIn", StringComparison.Ordinal)).Key;
        using var on = new CmsApiFactory().WithSetting("GraphQL:PersistedQueries:Enabled", "false");
        using var off = new CmsApiFactory().WithSetting("Studio:Enabled", "false");
        using var onClient = await ClientAsync(on);
        using var offClient = await ClientAsync(off);

        var byId = await GraphQLHttp.PostAsync(onClient, new { documentId = signIn });
        var byIdWithEmptyQuery = await GraphQLHttp.PostAsync(onClient, new { documentId = signIn, query = "" });
        var byApqHash = await GraphQLHttp.PostAsync(onClient, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = signIn["sha256:".Length..] } } });
        var studioOff = await GraphQLHttp.PostAsync(offClient, new { documentId = signIn });

        foreach (var answer in new[] { byId, byIdWithEmptyQuery, byApqHash })
        {
            Assert.True(answer.Status == 200 && answer.ErrorCodes.Count == 0, answer.Text);
            Assert.Equal("api-key:studio", answer.Body!["data"]!["me"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], studioOff.ErrorCodes);
    }

    [Fact]
    public void Every_studio_document_parses_within_the_servers_document_limits()
    {
        // Their fields and types are checked against schema.graphql by graphql-codegen as the studio builds, and
        // SchemaContractTests keeps schema.graphql equal to the running schema.
        Assert.True(Studio.Count >= 30, $"The studio's manifest holds {Studio.Count} documents.");
        using var api = new CmsApiFactory();
        var preparation = api.Services.GetRequiredService<Cms.Api.Transport.DocumentPreparation>();
        foreach (var (id, document) in Studio)
        {
            var (prepared, error) = preparation.Prepare(document);
            Assert.True(error is null && prepared is not null, $"{id}: {error?.Message}");
        }
    }

    private static async Task<HttpClient> ClientAsync(CmsApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateApiKeyAsync(Role.Viewer, "studio"));
        return client;
    }

    private static Dictionary<string, string> ReadStudioManifest() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(new StudioDocuments(Options.Create(new StudioOptions { Enabled = true })).ReadManifest()!.Value.Span)!;
}

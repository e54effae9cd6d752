using System.Security.Cryptography;
using System.Text;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Transport;

/// <summary>GraphQL multipart requests, driven through a test-only mutation that hashes what it streams.</summary>
public sealed class UploadTests : IDisposable
{
    private const string Operations = """{"query":"mutation($files: [Upload!]!) { uploadProbe(files: $files) { key fileName contentType size sha256 } }","variables":{"files":[null,null]}}""";
    private const string Map = """{"0":["variables.files.0"],"1":["variables.files.1"]}""";

    private readonly CmsApiFactory _api = new CmsApiFactory()
        .WithTestFields()
        .WithSetting("GraphQL:Uploads:MaxFileBytes", "3000000");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Files_are_streamed_to_the_resolver_with_their_names_and_types()
    {
        var small = Encoding.UTF8.GetBytes("a small text file");
        var large = RandomBytes(2_500_000);

        var response = await SendAsync(Operations, Map, [("0", "notes.txt", "text/plain", small), ("1", "photo.jpg", "image/jpeg", large)]);

        Assert.Equal(200, response.Status);
        Assert.Empty(response.ErrorCodes);
        var results = response.Body!["data"]!["uploadProbe"]!.AsArray();
        Assert.Equal(("0", "notes.txt", "text/plain", small.Length, Sha256(small)), Describe(results[0]!));
        Assert.Equal(("1", "photo.jpg", "image/jpeg", large.Length, Sha256(large)), Describe(results[1]!));
    }

    [Fact]
    public async Task A_multipart_request_without_a_preflight_header_is_refused_before_its_body_is_read()
    {
        var response = await SendAsync(Operations, Map, [("0", "a.txt", "text/plain", [1]), ("1", "b.txt", "text/plain", [2])], preflight: false);

        Assert.Equal(400, response.Status);
        Assert.Equal(["CSRF_PREFLIGHT_REQUIRED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData(null, 401, "UNAUTHENTICATED")]
    [InlineData(Role.Viewer, 403, "FORBIDDEN")]
    public async Task Callers_who_may_not_upload_are_refused_before_the_body_is_read(Role? role, int status, string code)
    {
        var response = await SendAsync(Operations, Map, [("0", "a.txt", "text/plain", [1]), ("1", "b.txt", "text/plain", [2])], role: role);

        Assert.Equal(status, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task A_map_that_names_a_file_the_request_does_not_carry_is_a_4xx()
    {
        var response = await SendAsync(Operations, Map, [("0", "a.txt", "text/plain", [1])]);

        Assert.Equal(400, response.Status);
        Assert.Contains("UPLOAD_FILE_MISSING", response.ErrorCodes);
    }

    [Theory]
    [InlineData("""{"0":["variables.nothing"]}""")]
    [InlineData("""{"0":["operationName"]}""")]
    [InlineData("""{"0":[]}""")]
    [InlineData("""{"0":"variables.files.0"}""")]
    [InlineData("""not json""")]
    public async Task A_map_that_does_not_point_at_null_variables_is_refused(string map)
    {
        var response = await SendAsync(Operations, map, [("0", "a.txt", "text/plain", [1])]);

        Assert.Equal(400, response.Status);
        Assert.Equal(["UPLOAD_INVALID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Operations_must_come_first()
    {
        using var client = _api.CreateClient();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Map), "map" },
            { new StringContent(Operations), "operations" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Editor));

        using var response = await client.SendAsync(request);
        var result = await GraphQLResponse.ReadAsync(response);

        Assert.Equal(400, result.Status);
        Assert.Equal(["UPLOAD_INVALID"], result.ErrorCodes);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_fails_with_413_as_soon_as_it_is_too_big()
    {
        var response = await SendAsync(Operations, Map, [("0", "big.bin", "application/octet-stream", RandomBytes(3_000_001)), ("1", "b.txt", "text/plain", [2])]);

        Assert.Equal(413, response.Status);
        Assert.Contains("UPLOAD_TOO_LARGE", response.ErrorCodes);
    }

    [Fact]
    public async Task More_files_than_allowed_are_refused()
    {
        using var api = new CmsApiFactory().WithTestFields().WithSetting("GraphQL:Uploads:MaxFiles", "1");
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Editor));

        var response = await SendAsync(client, Operations, Map, [("0", "a.txt", "text/plain", [1]), ("1", "b.txt", "text/plain", [2])], preflight: true);

        Assert.Equal(413, response.Status);
        Assert.Equal(["UPLOAD_TOO_MANY_FILES"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_upload_cannot_be_written_inline_in_the_document()
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Editor));

        var response = await GraphQLHttp.PostAsync(client, new { query = "mutation { uploadProbe(files: [\"not a file\"]) { key } }" });

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.ErrorCodes);
    }

    private async Task<GraphQLResponse> SendAsync(string operations, string map, (string Name, string FileName, string ContentType, byte[] Bytes)[] files, bool preflight = true, Role? role = Role.Editor)
    {
        using var client = _api.CreateClient();
        if (role is { } callerRole)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(callerRole));
        }

        return await SendAsync(client, operations, map, files, preflight);
    }

    private static async Task<GraphQLResponse> SendAsync(HttpClient client, string operations, string map, (string Name, string FileName, string ContentType, byte[] Bytes)[] files, bool preflight)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations), "operations" },
            { new StringContent(map), "map" },
        };
        foreach (var (name, fileName, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, name, fileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (preflight)
        {
            request.Headers.Add("GraphQL-Preflight", "1");
        }

        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static (string, string?, string?, int, string) Describe(System.Text.Json.Nodes.JsonNode result) => (
        result["key"]!.GetValue<string>(),
        result["fileName"]?.GetValue<string>(),
        result["contentType"]?.GetValue<string>(),
        (int)result["size"]!.GetValue<double>(),
        result["sha256"]!.GetValue<string>());

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

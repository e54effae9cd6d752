using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using NetVips;

namespace Cms.Api.Tests.Media;

/// <summary>Uploads and reads media through real HTTP, as an editor's tool and a browser would.</summary>
internal sealed class MediaTestClient(CmsApiFactory api, string apiKey)
{
    public const string AssetFields = "id fileName contentType byteSize sha256 width height altText caption credit license focalPoint { x y } tags { slug label } revision url";

    public static async Task<MediaTestClient> ForAsync(CmsApiFactory api, Role role = Role.Admin) => new(api, await api.CreateApiKeyAsync(role));

    public string ApiKey => apiKey;

    public async Task<GraphQLResponse> UploadAsync(byte[] bytes, string fileName, string contentType, object? metadata = null, string fields = AssetFields)
    {
        var input = JsonSerializer.SerializeToNode(metadata ?? new { })!.AsObject();
        input["file"] = null;
        var operations = JsonSerializer.Serialize(new
        {
            query = $"mutation($input: UploadMediaAssetInput!) {{ uploadMediaAsset(input: $input) {{ mediaAsset {{ {fields} }} errors {{ __typename ... on UserError {{ code message }} }} }} }}",
            variables = new { input },
        });
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations), "operations" },
            { new StringContent("""{"0":["variables.input.file"]}"""), "map" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "0", fileName);
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>Uploads and returns the new asset, failing the test if the upload was refused.</summary>
    public async Task<JsonNode> UploadAssetAsync(byte[] bytes, string fileName, string contentType, object? metadata = null)
    {
        var response = await UploadAsync(bytes, fileName, contentType, metadata);
        var payload = response.Body?["data"]?["uploadMediaAsset"] ?? throw new InvalidOperationException(response.Text);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["mediaAsset"]!;
    }

    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null)
    {
        using var client = Client();
        var response = await GraphQLHttp.PostAsync(client, new { query, variables });
        return response.Body ?? throw new InvalidOperationException(response.Text);
    }

    public HttpClient Client(bool anonymous = false)
    {
        var client = api.CreateClient();
        if (!anonymous)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A PNG of the given size, its left part one colour and its right part another (for telling crops apart).</summary>
    public static byte[] TwoColourImage(int width, int height, string format = ".png", int splitAt = -1)
    {
        var split = splitAt < 0 ? width / 2 : splitAt;
        using var left = Image.Black(split, height, bands: 3) + new double[] { 220, 20, 20 };
        using var right = Image.Black(width - split, height, bands: 3) + new double[] { 20, 20, 220 };
        using var joined = left.Join(right, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar);
        return joined.WriteToBuffer(format);
    }

    /// <summary>The average colour of an encoded image: (red, green, blue).</summary>
    public static (double Red, double Green, double Blue) AverageColour(byte[] encoded, out int width, out int height)
    {
        using var image = Image.NewFromBuffer(encoded);
        width = image.Width;
        height = image.Height;
        var stats = image.Stats();
        return (stats[4, 1][0], stats[4, 2][0], stats[4, 3][0]);
    }
}

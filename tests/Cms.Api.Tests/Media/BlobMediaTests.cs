using System.Net;
using System.Security.Cryptography;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Media;

/// <summary>The app on Azure Blob Storage (a real Azurite of its own): both upload paths, and an outage in the middle of an upload.</summary>
public sealed class BlobMediaTests : IAsyncLifetime
{
    private readonly Azurite _azurite = new();
    private CmsApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _api = new CmsApiFactory()
            .WithSetting("Media:Store:Kind", "AzureBlob")
            .WithSetting("Media:Store:BlobConnectionString", _azurite.ConnectionString)
            .WithSetting("Media:Store:BlobContainer", "media")
            .WithSetting("Database:SeedDemoContent", "false");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Multipart_and_direct_uploads_land_in_blob_storage_and_are_served()
    {
        var media = await MediaTestClient.ForAsync(_api, Role.Editor);
        var png = MediaTestClient.TwoColourImage(200, 100);
        var uploaded = await media.UploadAssetAsync(png, "map.png", "image/png", new { altText = "A map" });
        Assert.Equal(png, await (await media.Client().GetAsync(uploaded["url"]!.GetValue<string>())).Content.ReadAsByteArrayAsync());

        // Direct: a write-only SAS for one blob, straight to the storage service, then verified by the API.
        var jpeg = MediaTestClient.TwoColourImage(300, 100, ".jpg");
        var begun = await media.GraphQLAsync("mutation($input: BeginMediaUploadInput!) { beginMediaUpload(input: $input) { upload { id url headers { name value } } } }",
            new { input = new { fileName = "photo.jpg", contentType = "image/jpeg", byteSize = jpeg.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(jpeg)) } });
        var upload = begun["data"]?["beginMediaUpload"]?["upload"] ?? throw new InvalidOperationException(begun.ToJsonString());
        var url = upload["url"]!.GetValue<string>();
        Assert.Contains("sig=", url, StringComparison.Ordinal);
        Assert.Contains("sp=cw", url, StringComparison.Ordinal);

        using var storage = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(jpeg) };
        foreach (var header in upload["headers"]!.AsArray())
        {
            var (name, value) = (header!["name"]!.GetValue<string>(), header["value"]!.GetValue<string>());
            if (name == "Content-Type")
            {
                put.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                put.Headers.TryAddWithoutValidation(name, value);
            }
        }

        Assert.Equal(HttpStatusCode.Created, (await storage.SendAsync(put)).StatusCode);

        // The SAS cannot read what it wrote.
        Assert.Equal(HttpStatusCode.Forbidden, (await storage.GetAsync(url)).StatusCode);

        var completed = await media.GraphQLAsync("mutation($id: ID!) { completeMediaUpload(input: { uploadId: $id, altText: \"A photo\" }) { mediaAsset { width url } errors { ... on UserError { code message } } } }", new { id = upload["id"]!.GetValue<string>() });
        var asset = completed["data"]!["completeMediaUpload"]!["mediaAsset"] ?? throw new InvalidOperationException(completed.ToJsonString());
        Assert.Equal(300, asset["width"]!.GetValue<int>());
        Assert.Equal(jpeg, await (await media.Client().GetAsync(asset["url"]!.GetValue<string>())).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Storage_going_away_mid_upload_gives_a_clear_error_and_no_asset_and_the_next_upload_works()
    {
        var media = await MediaTestClient.ForAsync(_api, Role.Editor);
        await media.UploadAssetAsync(MediaTestClient.TwoColourImage(10, 10), "warm.png", "image/png");

        // Bytes beyond the first 64 KB make the store write in earnest; the emulator stops before the request is sent.
        var large = MediaTestClient.TwoColourImage(1500, 1500, ".png[compression=0]");
        await _azurite.StopAsync();
        var failed = await media.UploadAsync(large, "big.png", "image/png");
        await _azurite.StartAsync();
        var after = await media.UploadAsync(MediaTestClient.TwoColourImage(12, 10), "after.png", "image/png");

        Assert.Contains("MEDIA_STORE_UNAVAILABLE", failed.ErrorCodes);
        Assert.Null(failed.Body!["data"]?["uploadMediaAsset"]);
        Assert.Empty(after.ErrorCodes);
        var list = await media.GraphQLAsync("{ mediaAssets(order: [{ fileName: ASC }]) { nodes { fileName } } }");
        Assert.Equal(["after.png", "warm.png"], list["data"]!["mediaAssets"]!["nodes"]!.AsArray().Select(n => n!["fileName"]!.GetValue<string>()));
    }
}

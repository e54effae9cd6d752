using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cms.Api.Media;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Media;

/// <summary>Media through the real app with the folder store: uploads, checks, delivery, publishing rules, deletion, the sweeper.</summary>
public sealed class MediaAssetTests : IDisposable
{
    private readonly CmsApiFactory _api = new CmsApiFactory().WithSetting("Media:OrphanGracePeriod", "00:00:00").WithSetting("Database:SeedDemoContent", "false");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task An_upload_is_streamed_checked_and_hashed_and_served_with_its_headers()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var png = MediaTestClient.TwoColourImage(320, 200);

        var asset = await media.UploadAssetAsync(png, "../../etc/map<1>.png", "image/png", new { altText = "A map", caption = "The plain", credit = "CMS", license = "CC0", focalPoint = new { x = 0.25, y = 0.5 }, tags = new[] { "Maps", "Marathon" } });

        Assert.Equal("map-1-.png", asset["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", asset["contentType"]!.GetValue<string>());
        Assert.Equal(png.Length, asset["byteSize"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), asset["sha256"]!.GetValue<string>());
        Assert.Equal((320, 200), (asset["width"]!.GetValue<int>(), asset["height"]!.GetValue<int>()));
        Assert.Equal(0.25, asset["focalPoint"]!["x"]!.GetValue<double>());
        Assert.Equal(["maps", "marathon"], asset["tags"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));

        using var viewer = media.Client();
        using var response = await viewer.GetAsync(asset["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{asset["sha256"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // Used by no published article: nobody without a role sees it, except through the URL signed for this viewer (an
        // image element cannot send an API key), and only for this asset.
        using var anonymous = media.Client(anonymous: true);
        var signed = asset["url"]!.GetValue<string>();
        var bare = signed.Split('?')[0];
        Assert.Contains("?access=", signed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(bare)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(signed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(signed[..^3] + "AAA")).StatusCode);
        var other = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(30, 20), "other.png", "image/png");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(other["url"]!.GetValue<string>().Split('?')[0] + "?" + signed.Split('?')[1])).StatusCode);
    }

    [Fact]
    public async Task Content_checks_refuse_before_anything_is_kept()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

        var lying = await media.UploadAsync(pdf, "photo.png", "image/png");
        var html = await media.UploadAsync("<!doctype html><script>alert(1)</script>"u8.ToArray(), "page.html", "text/html");
        var bomb = await media.UploadAsync(PngHeader(100_000, 100_000), "bomb.png", "image/png");

        Assert.Equal("INVALID_FORMAT", lying.Body!["data"]!["uploadMediaAsset"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("INVALID_FORMAT", html.Body!["data"]!["uploadMediaAsset"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("OUT_OF_RANGE", bomb.Body!["data"]!["uploadMediaAsset"]!["errors"]![0]!["code"]!.GetValue<string>());
        var count = await media.GraphQLAsync("{ mediaAssets { totalCount } }");
        Assert.Equal(0, count["data"]!["mediaAssets"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(StoredOriginals());

        // A PDF declared as a PDF is taken, and downloads rather than displays.
        var document = await media.UploadAssetAsync(pdf, "notes.pdf", "application/pdf");
        using var response = await media.Client().GetAsync(document["url"]!.GetValue<string>());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Identical_bytes_share_storage_but_are_separate_assets()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var png = MediaTestClient.TwoColourImage(64, 64);

        var first = await media.UploadAssetAsync(png, "a.png", "image/png", new { altText = "First" });
        var second = await media.UploadAssetAsync(png, "b.png", "image/png", new { altText = "Second" });

        Assert.NotEqual(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal("Second", second["altText"]!.GetValue<string>());
        Assert.Single(StoredOriginals());
    }

    [Fact]
    public async Task Publishing_needs_alt_text_then_the_image_is_public_immutable_and_ranged()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var png = MediaTestClient.TwoColourImage(400, 100);
        var asset = await media.UploadAssetAsync(png, "map.png", "image/png");
        var id = asset["id"]!.GetValue<string>();
        var articleId = await CreateArticleAsync(media, id);

        var refused = await media.GraphQLAsync("mutation($id: ID!) { publishArticle(input: { id: $id }) { errors { __typename ... on AltTextRequiredError { code assetIds } } } }", new { id = articleId });
        var error = refused["data"]!["publishArticle"]!["errors"]![0]!;
        Assert.Equal("AltTextRequiredError", error["__typename"]!.GetValue<string>());
        Assert.Equal([id], error["assetIds"]!.AsArray().Select(a => a!.GetValue<string>()));

        await media.GraphQLAsync("mutation($id: ID!) { updateMediaAsset(input: { id: $id, altText: \"A map of the plain\", expectedRevision: 1 }) { errors { ... on UserError { code } } } }", new { id });
        var published = await media.GraphQLAsync("mutation($id: ID!) { publishArticle(input: { id: $id }) { errors { ... on UserError { code } } } }", new { id = articleId });
        Assert.Empty(published["data"]!["publishArticle"]!["errors"]!.AsArray());

        // Readers get the image through the article, with this use's caption and focal point.
        using var anonymous = media.Client(anonymous: true);
        var read = await GraphQLHttp.PostAsync(anonymous, new { query = "{ article(slug: \"media-test\") { media { captionOverride focalPointOverride { x } asset { altText caption focalPoint { x y } url srcSet(widths: [160, 300]) allWidths: srcSet cover: url(width: 100, height: 100, fit: COVER) } } } }" });
        var use = read.Body!["data"]!["article"]!["media"]![0]!;
        Assert.Equal("A map of the plain", use["asset"]!["altText"]!.GetValue<string>());
        Assert.Equal("Our caption", use["asset"]!["caption"]!.GetValue<string>());
        Assert.Equal(0.9, use["asset"]!["focalPoint"]!["x"]!.GetValue<double>());
        Assert.Contains("w=160", use["asset"]!["srcSet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("320w", use["asset"]!["srcSet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["160w", "320w", "400w"], use["asset"]!["allWidths"]!.GetValue<string>().Split(", ").Select(entry => entry.Split(' ')[1]));
        Assert.Contains("fx=0.9", use["asset"]!["cover"]!.GetValue<string>(), StringComparison.Ordinal);

        var url = use["asset"]!["url"]!.GetValue<string>();
        using var full = await anonymous.GetAsync(url);
        Assert.Equal("public, max-age=31536000, immutable", full.Headers.CacheControl!.ToString());
        Assert.Equal(png, await full.Content.ReadAsByteArrayAsync());

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url);
        rangeRequest.Headers.Range = new RangeHeaderValue(10, 19);
        using var partial = await anonymous.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(png[10..20], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 10-19/{png.Length}", partial.Content.Headers.ContentRange!.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);

        // The focal point of this use crops the right-hand (blue) part of the image.
        using var cover = await anonymous.GetAsync(use["asset"]!["cover"]!.GetValue<string>());
        var (red, _, blue) = MediaTestClient.AverageColour(await cover.Content.ReadAsByteArrayAsync(), out var w, out var h);
        Assert.Equal((160, 100), (w, h));
        Assert.True(blue > 150 && red < 60, $"expected the blue half, got red {red}, blue {blue}");
    }

    [Fact]
    public async Task An_asset_in_use_cannot_be_deleted_and_unused_bytes_are_swept()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var used = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(40, 40), "used.png", "image/png", new { altText = "Used" });
        var unused = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(41, 40), "unused.png", "image/png", new { altText = "Unused" });
        await CreateArticleAsync(media, used["id"]!.GetValue<string>());

        var refused = await media.GraphQLAsync("mutation($id: ID!) { deleteMediaAsset(input: { id: $id }) { mediaAsset { id } errors { __typename ... on AssetInUseError { code articles { slug versions } } } } }", new { id = used["id"]!.GetValue<string>() });
        var deleted = await media.GraphQLAsync("mutation($id: ID!) { deleteMediaAsset(input: { id: $id }) { mediaAsset { id } errors { ... on UserError { code } } } }", new { id = unused["id"]!.GetValue<string>() });

        var error = refused["data"]!["deleteMediaAsset"]!["errors"]![0]!;
        Assert.Equal("ASSET_IN_USE", error["code"]!.GetValue<string>());
        Assert.Equal("media-test", error["articles"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal([1], error["articles"]![0]!["versions"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Empty(deleted["data"]!["deleteMediaAsset"]!["errors"]!.AsArray());
        Assert.Equal(2, StoredOriginals().Count);

        await using var scope = _api.Services.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept.Originals);
        Assert.Single(StoredOriginals());
        using var stillServed = await media.Client().GetAsync(used["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task Renditions_negotiate_the_format_vary_on_accept_and_are_kept()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(1000, 500, ".jpg"), "photo.jpg", "image/jpeg", new { altText = "Two colours" });
        var urls = await media.GraphQLAsync("query($id: ID!) { mediaAsset(id: $id) { auto: url(width: 600, format: AUTO) png: url(width: 300, format: PNG) } }", new { id = asset["id"]!.GetValue<string>() });
        var auto = urls["data"]!["mediaAsset"]!["auto"]!.GetValue<string>();
        Assert.Contains("w=640", auto, StringComparison.Ordinal);

        foreach (var (accept, expected) in new[] { ("image/avif,image/webp,*/*", "image/avif"), ("image/webp,*/*", "image/webp"), ("*/*", "image/jpeg") })
        {
            using var client = media.Client();
            using var request = new HttpRequestMessage(HttpMethod.Get, auto);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Accept", response.Headers.Vary);
            MediaTestClient.AverageColour(await response.Content.ReadAsByteArrayAsync(), out var width, out var height);
            Assert.Equal((640, 320), (width, height));
        }

        using var png = await media.Client().GetAsync(urls["data"]!["mediaAsset"]!["png"]!.GetValue<string>());
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Empty(png.Headers.Vary);

        // Made once per format and kept: a second request reads what the first one stored.
        var renditions = Directory.GetFiles(Path.Combine(_api.MediaFolder, "renditions"), "*", SearchOption.AllDirectories);
        Assert.Equal(4, renditions.Length);
        using var again = await media.Client().GetAsync(urls["data"]!["mediaAsset"]!["png"]!.GetValue<string>());
        Assert.Equal(renditions.Length, Directory.GetFiles(Path.Combine(_api.MediaFolder, "renditions"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_file_stops_being_public_within_two_seconds_of_its_article_being_unpublished()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false").WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var media = await MediaTestClient.ForAsync(api);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(40, 20), "map.png", "image/png", new { altText = "A map" });
        var articleId = await CreateArticleAsync(media, asset["id"]!.GetValue<string>());
        await media.GraphQLAsync("mutation($id: ID!) { publishArticle(input: { id: $id }) { errors { ... on UserError { code } } } }", new { id = articleId });
        using var anonymous = media.Client(anonymous: true);
        var url = asset["url"]!.GetValue<string>().Split('?')[0];
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        await media.GraphQLAsync("mutation($id: ID!) { unpublishArticle(input: { id: $id }) { errors { ... on UserError { code } } } }", new { id = articleId });
        var withinTheWindow = (await anonymous.GetAsync(url)).StatusCode;
        clock.Advance(TimeSpan.FromSeconds(3));
        var after = (await anonymous.GetAsync(url)).StatusCode;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (withinTheWindow, after));
    }

    [Theory]
    [InlineData(1000, 500, "COVER", 320, 320)]
    [InlineData(1000, 500, "FILL", 320, 320)]
    [InlineData(1000, 500, "CONTAIN", 320, 160)]
    [InlineData(1000, 500, "INSIDE", 320, 160)]
    [InlineData(100, 50, "CONTAIN", 320, 160)]
    [InlineData(100, 50, "INSIDE", 100, 50)]
    public async Task Each_fit_mode_gives_the_size_it_names(int width, int height, string fit, int expectedWidth, int expectedHeight)
    {
        var media = await MediaTestClient.ForAsync(_api);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(width, height), "fit.png", "image/png");
        var url = await media.GraphQLAsync($"query($id: ID!) {{ mediaAsset(id: $id) {{ url(width: 320, height: 320, fit: {fit}, format: WEBP) }} }}", new { id = asset["id"]!.GetValue<string>() });

        using var response = await media.Client().GetAsync(url["data"]!["mediaAsset"]!["url"]!.GetValue<string>());

        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        MediaTestClient.AverageColour(await response.Content.ReadAsByteArrayAsync(), out var w, out var h);
        Assert.Equal((expectedWidth, expectedHeight), (w, h));
    }

    [Fact]
    public async Task A_gif_keeps_its_type_when_resized_in_its_original_format()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(400, 200, ".gif"), "anim.gif", "image/gif");
        var url = await media.GraphQLAsync("query($id: ID!) { mediaAsset(id: $id) { url(width: 160) } }", new { id = asset["id"]!.GetValue<string>() });

        using var response = await media.Client().GetAsync(url["data"]!["mediaAsset"]!["url"]!.GetValue<string>());

        Assert.Equal("image/gif", response.Content.Headers.ContentType!.MediaType);
        MediaTestClient.AverageColour(await response.Content.ReadAsByteArrayAsync(), out var w, out _);
        Assert.Equal(160, w);
    }

    [Fact]
    public async Task An_abandoned_direct_upload_expires_and_is_swept_with_its_bytes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var api = new CmsApiFactory().WithSetting("Media:OrphanGracePeriod", "01:00:00").WithSetting("Database:SeedDemoContent", "false").WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var media = await MediaTestClient.ForAsync(api, Role.Editor);
        var png = MediaTestClient.TwoColourImage(20, 20);
        var begun = await media.GraphQLAsync("mutation($input: BeginMediaUploadInput!) { beginMediaUpload(input: $input) { upload { id url } } }",
            new { input = new { fileName = "later.png", contentType = "image/png", byteSize = png.Length } });
        var upload = begun["data"]?["beginMediaUpload"]?["upload"] ?? throw new InvalidOperationException(begun.ToJsonString());
        using (var put = new HttpRequestMessage(HttpMethod.Put, upload["url"]!.GetValue<string>()) { Content = new ByteArrayContent(png) })
        {
            Assert.Equal(HttpStatusCode.Created, (await api.CreateClient().SendAsync(put)).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(16));
        await using var scope = api.Services.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(CancellationToken.None);
        var completed = await media.GraphQLAsync("mutation($id: ID!) { completeMediaUpload(input: { uploadId: $id }) { errors { ... on UserError { code } } } }", new { id = upload["id"]!.GetValue<string>() });

        Assert.Equal(1, swept.ExpiredUploads);
        Assert.Empty(Directory.GetFiles(Path.Combine(api.MediaFolder, "uploads")));
        Assert.Equal("NOT_FOUND", completed["data"]!["completeMediaUpload"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("?w=333")]
    [InlineData("?w=640&zoom=2")]
    [InlineData("?h=99999")]
    [InlineData("?w=640&fit=stretch")]
    [InlineData("?w=640&q=0")]
    [InlineData("?w=640&fx=0.5&fy=0.5")]
    public async Task Rendition_parameters_this_API_would_not_make_are_refused(string query)
    {
        var media = await MediaTestClient.ForAsync(_api);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(100, 100), "x.png", "image/png");

        using var response = await media.Client().GetAsync(asset["url"]!.GetValue<string>().Split('?')[0] + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_direct_upload_goes_to_a_signed_url_and_is_verified_when_completed()
    {
        var media = await MediaTestClient.ForAsync(_api, Role.Editor);
        var png = MediaTestClient.TwoColourImage(120, 80);
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var begun = await media.GraphQLAsync("mutation($input: BeginMediaUploadInput!) { beginMediaUpload(input: $input) { upload { id url expiresAt headers { name value } } errors { ... on UserError { code } } } }",
            new { input = new { fileName = "big.png", contentType = "image/png", byteSize = png.Length, sha256 = sha } });
        var upload = begun["data"]?["beginMediaUpload"]?["upload"] ?? throw new InvalidOperationException(begun.ToJsonString());

        using var anonymous = _api.CreateClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, upload["url"]!.GetValue<string>()) { Content = new ByteArrayContent(png) };
        foreach (var header in upload["headers"]!.AsArray())
        {
            put.Content.Headers.TryAddWithoutValidation(header!["name"]!.GetValue<string>(), header["value"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Created, (await anonymous.SendAsync(put)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Put, upload["url"]!.GetValue<string>()[..^4] + "AAAA") { Content = new ByteArrayContent(png) };
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(forged)).StatusCode);

        var completed = await media.GraphQLAsync("mutation($id: ID!) { completeMediaUpload(input: { uploadId: $id, altText: \"Big\" }) { mediaAsset { sha256 byteSize width url } errors { ... on UserError { code } } } }", new { id = upload["id"]!.GetValue<string>() });
        var asset = completed["data"]!["completeMediaUpload"]!["mediaAsset"]!;
        Assert.Equal(sha, asset["sha256"]!.GetValue<string>());
        Assert.Equal(120, asset["width"]!.GetValue<int>());
        Assert.Equal(png, await (await media.Client().GetAsync(asset["url"]!.GetValue<string>())).Content.ReadAsByteArrayAsync());

        // The upload is used up: completing again finds nothing.
        var again = await media.GraphQLAsync("mutation($id: ID!) { completeMediaUpload(input: { uploadId: $id }) { errors { ... on UserError { code } } } }", new { id = upload["id"]!.GetValue<string>() });
        Assert.Equal("NOT_FOUND", again["data"]!["completeMediaUpload"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_library_lists_filters_and_finds_assets_by_node()
    {
        var media = await MediaTestClient.ForAsync(_api);
        var map = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(30, 30), "map.png", "image/png", new { tags = new[] { "Maps" } });
        await media.UploadAssetAsync(MediaTestClient.TwoColourImage(31, 30, ".jpg"), "photo.jpg", "image/jpeg");
        await media.UploadAssetAsync("%PDF-1.4\n"u8.ToArray(), "notes.pdf", "application/pdf");

        var lists = await media.GraphQLAsync("""
            {
              images: mediaAssets(where: { contentType: { startsWith: "image/" } }, order: [{ fileName: ASC }]) { totalCount nodes { fileName } }
              maps: mediaAssets(where: { tags: { some: { slug: { eq: "maps" } } } }) { nodes { fileName } }
              unused: mediaAssets(where: { isUsed: { eq: false } }, first: 2) { pageInfo { hasNextPage endCursor } nodes { fileName } }
            }
            """);
        var node = await media.GraphQLAsync("query($id: ID!) { node(id: $id) { __typename ... on MediaAsset { fileName } } }", new { id = map["id"]!.GetValue<string>() });
        var anonymousNode = await GraphQLHttp.PostAsync(media.Client(anonymous: true), new { query = "query($id: ID!) { node(id: $id) { id } }", variables = new { id = map["id"]!.GetValue<string>() } });

        Assert.Equal(["map.png", "photo.jpg"], lists["data"]!["images"]!["nodes"]!.AsArray().Select(n => n!["fileName"]!.GetValue<string>()));
        Assert.Equal(["map.png"], lists["data"]!["maps"]!["nodes"]!.AsArray().Select(n => n!["fileName"]!.GetValue<string>()));
        Assert.True(lists["data"]!["unused"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal("MediaAsset", node["data"]!["node"]!["__typename"]!.GetValue<string>());
        Assert.Null(anonymousNode.Body!["data"]!["node"]);
    }

    private static async Task<string> CreateArticleAsync(MediaTestClient media, string assetId)
    {
        var created = await media.GraphQLAsync("""
            mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } errors { ... on UserError { code message } } } }
            """, new
        {
            input = new
            {
                slug = "media-test",
                title = "Media test",
                summary = "An article with an image.",
                historicalDate = new { start = new { year = -490 }, precision = "YEAR" },
                media = new[] { new { assetId, role = "HERO", captionOverride = "Our caption", focalPointOverride = new { x = 0.9, y = 0.5 } } },
            },
        });
        return created["data"]?["createArticle"]?["article"]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException(created.ToJsonString());
    }

    private List<string> StoredOriginals()
    {
        var folder = Path.Combine(_api.MediaFolder, "originals");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder)] : [];
    }

    /// <summary>Just a PNG signature and a header declaring the given size: what a decompression bomb starts with.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[64];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}

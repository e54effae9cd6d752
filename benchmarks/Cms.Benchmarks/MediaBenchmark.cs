using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Cms.Benchmarks.Harness;
using NetVips;
using SkiaSharp;

namespace Cms.Benchmarks;

/// <summary>
/// The media targets of issue 17, against a Release server on loopback with its media in a real Azurite: a large multipart
/// upload (server memory growth, and throughput against the same file sent to the same Azurite with the SDK in the same
/// run), the first rendition of a 24-megapixel JPEG to a 1,280-wide WebP (time, server memory growth), a cached rendition
/// against the original and against the same bytes from bare Kestrel (wrk), and libvips against SkiaSharp for that
/// rendition. <c>--smoke</c> uploads 32 MiB and runs every step briefly.
/// </summary>
public static class MediaBenchmark
{
    /// <summary>The start of an MP4 file: a 24-byte ftyp box of brand mp42.</summary>
    private static readonly byte[] Mp4Signature = [0, 0, 0, 0x18, .. "ftypmp42"u8.ToArray()];

    public static async Task RunAsync(bool smoke)
    {
        var settings = smoke ? BenchmarkSettings.Smoke : BenchmarkSettings.Full;
        var uploadBytes = smoke ? 32L << 20 : 1L << 30;
        using var work = WorkFolder.Create("cms-media-");
        var cmsDll = await work.PublishServerAsync();
        await using var azurite = await AzuriteProcess.StartAsync(work.Root, Path.Combine(work.FullName, "azurite"));
        var environment = new Dictionary<string, string>
        {
            ["Media__Store__Kind"] = "AzureBlob",
            ["Media__Store__BlobConnectionString"] = azurite.ConnectionString,
            ["GraphQL__Uploads__MaxFileBytes"] = (uploadBytes + (1 << 20)).ToString(CultureInfo.InvariantCulture),
            ["GraphQL__Uploads__MaxFiles"] = "1",
        };
        var video = Path.Combine(work.FullName, "upload.mp4");
        await WriteVideoLikeFileAsync(video, uploadBytes);

        await using var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true, captureAdminKey: true, environment: environment);
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", server.AdminKey);
        await UploadAsync(client, server.Url, [.. Mp4Signature, .. "warm-up"u8.ToArray()], "warm.mp4", "video/mp4", null);

        // The same file, the same Azurite: with the SDK (before and after, averaged), and through the API's multipart endpoint.
        var container = new BlobContainerClient(azurite.ConnectionString, "baseline");
        await container.CreateIfNotExistsAsync();
        var sdkBefore = await TimeAsync(async () =>
        {
            await using var file = File.OpenRead(video);
            await container.GetBlobClient("before").UploadAsync(file, overwrite: true);
        });
        var rssBefore = server.RssMiB();
        using var sampler = new RssSampler(server.ProcessId);
        var api = await TimeAsync(async () =>
        {
            await using var file = File.OpenRead(video);
            await UploadAsync(client, server.Url, file, "upload.mp4", "video/mp4", null);
        });
        var rssPeak = sampler.Stop();
        var sdkAfter = await TimeAsync(async () =>
        {
            await using var file = File.OpenRead(video);
            await container.GetBlobClient("after").UploadAsync(file, overwrite: true);
        });
        var sdk = (sdkBefore + sdkAfter) / 2;
        var mib = uploadBytes / (1024.0 * 1024.0);

        // A 24-megapixel photograph-like JPEG, published so that anyone may fetch it and its renditions.
        var photo = Photo(6000, 4000);
        var asset = await UploadAsync(client, server.Url, photo, "photo.jpg", "image/jpeg", "A generated landscape for the benchmark");
        var assetId = asset["id"]!.GetValue<string>();
        await PublishWithAsync(client, server.Url, assetId);
        var urls = (await GraphQLClient.DataAsync(client, server.Url, "query($id: ID!) { mediaAsset(id: $id) { original: url webp: url(width: 1280, format: WEBP) } }", new { id = assetId }))["mediaAsset"]!;
        var original = urls["original"]!.GetValue<string>();
        var webp = urls["webp"]!.GetValue<string>();
        var renderRssBefore = server.RssMiB();
        using var renderSampler = new RssSampler(server.ProcessId);
        byte[] renditionBytes = [];
        var firstRendition = await TimeAsync(async () => renditionBytes = await new HttpClient().GetByteArrayAsync(new Uri(server.Url, webp)));
        var renderPeak = renderSampler.Stop();

        var cachedRow = await LoadGenerator.MeasureAsync(server, settings, "cached rendition (1280-wide WebP) GET", webp, RequestLoad.Get(null));
        var originalRow = await LoadGenerator.MeasureAsync(server, settings, "original (24 MP JPEG) GET", original, RequestLoad.Get(null));
        BenchmarkRow ceilingRow;
        await using (var ceiling = await CeilingServer.StartAsync(work.FullName, renditionBytes, photo))
        {
            ceilingRow = await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: the same rendition bytes GET", "/article", RequestLoad.Get(null), isCeiling: true);
        }

        var (vipsMs, skiaMs) = CompareLibraries(photo, smoke ? 1 : 5);

        Console.WriteLine(smoke ? "Smoke run (figures mean nothing):" : string.Empty);
        Console.WriteLine("| measure | figure | target |");
        Console.WriteLine("| --- | ---: | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| multipart upload of {mib:N0} MiB through the API | {mib / api.TotalSeconds:0} MiB/s ({api.TotalSeconds:0.0} s) | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same file to the same Azurite with the SDK | {mib / sdk.TotalSeconds:0} MiB/s ({sdk.TotalSeconds:0.0} s) | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| API throughput / SDK throughput | {sdk.TotalSeconds / api.TotalSeconds:0.00} | ≥ 0.7 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| server memory growth during the upload (peak RSS − RSS before) | {rssPeak - rssBefore:0} MiB | ≤ 64 MiB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| first rendition, 24 MP JPEG → 1280-wide WebP (request time) | {firstRendition.TotalMilliseconds:0} ms | report |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| server memory growth during it | {renderPeak - renderRssBefore:0} MiB | report |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| libvips (NetVips) / SkiaSharp, same rendition in-process | {vipsMs:0} ms / {skiaMs:0} ms | compare once |"));
        Console.WriteLine();
        Console.WriteLine("| wrk -t2 -c16 | req/s | CPU ms/request | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cachedRow.Scenario} | {cachedRow.Rps:0} | {cachedRow.CpuMsPerRequest:0.000} | {cachedRow.Rps / ceilingRow.Rps:0.00} of ceiling; {cachedRow.Rps / originalRow.Rps:0.0}× the original (≥ 1) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {originalRow.Scenario} | {originalRow.Rps:0} | {originalRow.CpuMsPerRequest:0.000} | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ceilingRow.Scenario} | {ceilingRow.Rps:0} | {ceilingRow.CpuMsPerRequest:0.000} | |"));
    }

    /// <summary>An MP4 signature followed by random bytes (incompressible, like video), written in 1 MiB blocks.</summary>
    private static async Task WriteVideoLikeFileAsync(string path, long size)
    {
        await using var file = File.Create(path);
        var block = new byte[1 << 20];
        Random.Shared.NextBytes(block);
        Mp4Signature.CopyTo(block, 0);
        for (long written = 0; written < size; written += block.Length)
        {
            await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written)));
            block[16] ^= 0x5a;
        }
    }

    /// <summary>A photograph-like 6000 × 4000 JPEG: smooth gradients with fine noise, so it compresses as photos do.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var gradient = (x[0] * (255.0 / width)).Bandjoin(x[1] * (255.0 / height), (x[0] + x[1]) * (128.0 / (width + height)));
        using var noise = Image.Gaussnoise(width, height, sigma: 12);
        using var photo = (gradient + noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: 88);
    }

    /// <summary>The same work in each library, in this process: decode the JPEG, resize to 1,280 wide, encode WebP q75.</summary>
    private static (double VipsMs, double SkiaMs) CompareLibraries(byte[] jpeg, int rounds)
    {
        var vips = new List<double>();
        var skia = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var thumbnail = Image.ThumbnailBuffer(jpeg, 1280))
            {
                _ = thumbnail.WebpsaveBuffer(q: 75);
            }

            vips.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            using (var decoded = SKBitmap.Decode(jpeg))
            using (var resized = decoded.Resize(new SKImageInfo(1280, decoded.Height * 1280 / decoded.Width), new SKSamplingOptions(SKCubicResampler.Mitchell)))
            using (var image = SKImage.FromBitmap(resized))
            using (var encoded = image.Encode(SKEncodedImageFormat.Webp, 75))
            {
                _ = encoded.ToArray();
            }

            skia.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (vips.Order().ElementAt(rounds / 2), skia.Order().ElementAt(rounds / 2));
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    private static Task<JsonNode> UploadAsync(HttpClient client, Uri url, byte[] bytes, string fileName, string contentType, string? altText) =>
        UploadAsync(client, url, new MemoryStream(bytes), fileName, contentType, altText);

    private static async Task<JsonNode> UploadAsync(HttpClient client, Uri url, Stream file, string fileName, string contentType, string? altText)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($input: UploadMediaAssetInput!) { uploadMediaAsset(input: $input) { mediaAsset { id byteSize } errors { ... on UserError { code message } } } }",
            variables = new { input = new { file = (string?)null, altText } },
        });
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations), "operations" },
            { new StringContent("""{"0":["variables.input.file"]}"""), "map" },
        };
        var part = new StreamContent(file, 1 << 16);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "0", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return body?["data"]?["uploadMediaAsset"]?["mediaAsset"] is { } asset && body["data"]!["uploadMediaAsset"]!["errors"]!.AsArray().Count == 0
            ? asset
            : throw new InvalidOperationException($"The upload failed: {body?.ToJsonString()}");
    }

    private static async Task PublishWithAsync(HttpClient client, Uri url, string assetId)
    {
        var created = await GraphQLClient.DataAsync(client, url, "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }", new
        {
            input = new { slug = "media-benchmark", title = "Media benchmark", summary = "Publishes the benchmark's photograph.", historicalDate = new { start = new { year = 2026 }, precision = "YEAR" }, media = new[] { new { assetId, role = "HERO" } } },
        });
        await GraphQLClient.DataAsync(client, url, "mutation($id: ID!) { publishArticle(input: { id: $id }) { article { slug } } }", new { id = created["createArticle"]!["article"]!["id"]!.GetValue<string>() });
    }
}

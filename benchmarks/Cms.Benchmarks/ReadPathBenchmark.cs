using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Benchmarks.Harness;

namespace Cms.Benchmarks;

/// <summary>
/// The read path as front ends load it: a Release CMS server in its own process on loopback, 1,000 published articles of
/// five ~1 KB sections loaded through the API, wrk as the load generator, and a bare Kestrel process serving the CMS's own
/// response bytes measured in the same run as the ceiling. Prints the table docs/benchmarks.md keeps.
/// <c>--smoke</c> runs every step for a second with a few articles and an in-process load loop instead of wrk, so CI
/// keeps the harness working; its figures mean nothing.
/// </summary>
public static class ReadPathBenchmark
{
    private const string ArticleQuery = "query Article($slug: String!) { article(slug: $slug) { id slug title summary historicalDate { display start { year month day } } places { name country } tags { slug label } keyFacts sections { key heading body } sources { title url } } }";
    private const string ListQuery = "query Newest { articles(first: 20) { edges { cursor node { title historicalDate { display } } } pageInfo { hasNextPage endCursor } } }";

    public static async Task RunAsync(bool smoke, bool quick = false, bool keepData = false)
    {
        var settings = smoke ? BenchmarkSettings.Smoke : quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
        using var work = WorkFolder.Create("cms-readpath-", keepData ? folder => $"data kept in {folder} (Database__DataDirectory), for profiling a server on it" : null);
        var results = new List<BenchmarkRow>();

        // 0. The server as it is deployed: published for the platform, ReadyToRun.
        var cmsDll = await work.PublishServerAsync();

        // 1. Load content through the API (cache on; its state does not matter here).
        List<string> slugs;
        string adminKey;
        await using (var loader = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true, captureAdminKey: true))
        {
            var loading = Stopwatch.StartNew();
            slugs = await ArticleLoader.LoadAsync(loader.Url, loader.AdminKey!, settings.Articles);
            Console.WriteLine($"loaded {slugs.Count} published articles through the API in {loading.Elapsed.TotalSeconds:0.0} s");
            adminKey = loader.AdminKey!;
        }

        var articleBody = JsonSerializer.Serialize(new { query = ArticleQuery, variables = new { slug = slugs[slugs.Count / 2] } });
        var listBody = JsonSerializer.Serialize(new { query = ListQuery });

        // 2. Uncached: every request executes.
        await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: false))
        {
            results.Add(new BenchmarkRow("start to first answer (cache off)", Seconds: server.Elapsed.TotalSeconds));
            results.Add(new BenchmarkRow("idle memory (MiB)", Memory: server.RssMiB()));
            results.Add(await LoadGenerator.MeasureAsync(server, settings, "article(slug) POST, random slug, uncached", "/graphql", PostRandomSlug(slugs)));
            results.Add(await LoadGenerator.MeasureAsync(server, settings, "list of 20 newest POST, uncached", "/graphql", RequestLoad.Post(listBody)));
            results.Add(new BenchmarkRow("memory after load, uncached (MiB)", Memory: server.RssMiB()));
        }

        // 3. Cached: repeated reads, APQ GET and 304.
        await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true))
        {
            results.Add(new BenchmarkRow("start to first answer (cache on)", Seconds: server.Elapsed.TotalSeconds));
            results.Add(await LoadGenerator.MeasureAsync(server, settings, "article(slug) POST, random slug, cached", "/graphql", PostRandomSlug(slugs)));
            using (var publishing = new CancellationTokenSource())
            {
                // An editor saving and publishing a random article every second, throughout the warm-up and the measure.
                var publisher = PublishEverySecondAsync(server.Url, adminKey, slugs, publishing.Token);
                results.Add(await LoadGenerator.MeasureAsync(server, settings, "article(slug) POST, random slug, cached, publishing 1/s", "/graphql", PostRandomSlug(slugs)));
                await publishing.CancelAsync();
                Console.WriteLine($"published {await publisher} times during the publishing scenario");
            }

            results.Add(await LoadGenerator.MeasureAsync(server, settings, "list of 20 newest POST, cached", "/graphql", RequestLoad.Post(listBody)));
            var (apqPath, etag) = await RegisterApqAsync(server.Url, articleBody);
            results.Add(await LoadGenerator.MeasureAsync(server, settings, "same slug, APQ GET", apqPath, RequestLoad.Get(null)));
            results.Add(await LoadGenerator.MeasureAsync(server, settings, "APQ GET with matching If-None-Match (304)", apqPath, RequestLoad.Get(etag)));
            results.Add(new BenchmarkRow("memory after load, cached (MiB)", Memory: server.RssMiB()));
        }

        // 4. Scale: the list's latency (one client) at the loaded count and after bulk-adding published articles.
        var scaleRows = new List<string>();
        await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: false))
        {
            scaleRows.Add(await LatencyAsync(server.Url, listBody, $"list of 20, {slugs.Count:N0} published articles"));
        }

        var added = await BulkPublishAsync(Path.Combine(work.FullName, "cms.db"), settings.ScaleTo - slugs.Count);
        await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: false))
        {
            scaleRows.Add(await LatencyAsync(server.Url, listBody, $"list of 20, {slugs.Count + added:N0} published articles"));
        }

        // 5. The ceiling: bare Kestrel returning the same bytes, in its own process.
        var articleBytes = await FetchAsync(work.FullName, cmsDll, articleBody);
        var listBytes = await FetchAsync(work.FullName, cmsDll, listBody);
        await using (var ceiling = await CeilingServer.StartAsync(work.FullName, articleBytes, listBytes))
        {
            results.Add(new BenchmarkRow("start to first answer (ceiling)", Seconds: ceiling.Elapsed.TotalSeconds, IsCeiling: true));
            results.Add(new BenchmarkRow("idle memory, ceiling (MiB)", Memory: ceiling.RssMiB(), IsCeiling: true));
            results.Add(await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: article bytes POST", "/article", RequestLoad.Post(articleBody), isCeiling: true));
            results.Add(await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: list bytes POST", "/list", RequestLoad.Post(listBody), isCeiling: true));
            results.Add(await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: article bytes GET", "/article", RequestLoad.Get(null), isCeiling: true));
            results.Add(await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: 304", "/not-modified", RequestLoad.Get(null), isCeiling: true));
        }

        PrintTable(results, smoke);
        var quiet = results.First(r => r.Scenario == "article(slug) POST, random slug, cached").Rps;
        var busy = results.First(r => r.Scenario == "article(slug) POST, random slug, cached, publishing 1/s").Rps;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publishing 1/s against the quiet run, by slug with the cache: {busy / quiet:0.00} (target >= 0.9)"));
        Console.WriteLine("| single client, 300 requests after 50 warm-up | p50 | p95 |");
        Console.WriteLine("| --- | ---: | ---: |");
        scaleRows.ForEach(Console.WriteLine);
    }

    /// <summary>Saves a new version of a random article and publishes it, once a second until cancelled; returns how many.</summary>
    private static async Task<int> PublishEverySecondAsync(Uri url, string adminKey, List<string> slugs, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var random = new Random(28);
        var published = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var slug = slugs[random.Next(slugs.Count)];
                var draft = (await GraphQLClient.DataAsync(admin, url, "query($slug: String!) { article(slug: $slug, stage: DRAFT) { id latestVersionNumber } }", new { slug }))["article"]!;
                var id = draft["id"]!.GetValue<string>();
                var version = draft["latestVersionNumber"]!.GetValue<int>();
                await GraphQLClient.DataAsync(admin, url, "mutation($id: ID!, $version: Int!, $note: String!) { updateArticle(input: { id: $id, expectedVersion: $version, changeNote: $note, summary: $note }) { errors { __typename } } }", new { id, version, note = $"Revised {published}" });
                await GraphQLClient.DataAsync(admin, url, "mutation($id: ID!) { publishArticle(input: { id: $id }) { errors { __typename } } }", new { id });
                published++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return published;
    }

    /// <summary>One client posting the same request: the p50 and p95 of 300 after 50 warm-up requests, as a table row.</summary>
    private static async Task<string> LatencyAsync(Uri url, string body, string scenario)
    {
        var (p50, p95) = await Latency.PercentilesAsync(url, body);
        var row = string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {p50:0.00} ms | {p95:0.00} ms |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>
    /// Adds published articles straight into the SQLite file: copies of one loaded article and its published version
    /// with new ids, slugs and date keys (each older than the last).
    /// </summary>
    private static async Task<int> BulkPublishAsync(string databaseFile, int count)
    {
        if (count <= 0)
        {
            return 0;
        }

        await using var copy = await SqliteBulkCopy.OpenAsync(databaseFile);
        await copy.AddAsync("Articles", new Dictionary<string, string>
        {
            ["Id"] = SqliteBulkCopy.NewGuid,
            ["Slug"] = "'bulk-' || n.i",
            ["PublishedDateSortKey"] = "t.\"PublishedDateSortKey\" - 1 - n.i",
        }, SqliteBulkCopy.CopiesOfTemplate(count));
        await copy.AddAsync("ArticleVersions", new Dictionary<string, string>
        {
            ["Id"] = SqliteBulkCopy.NewGuid,
            ["ArticleId"] = "x.\"Id\"",
            ["DateSortKey"] = "x.\"PublishedDateSortKey\"",
            ["DateEndKey"] = "x.\"PublishedDateSortKey\"",
        }, SqliteBulkCopy.PublishedVersionOfEachCopy);

        // Each copy indexed for search as its template is, or the server's start would first index them all.
        var templateVersion = $"(SELECT v.\"Id\" FROM \"ArticleVersions\" AS v JOIN \"Articles\" AS a ON a.\"Id\" = v.\"ArticleId\" WHERE a.\"Slug\" = 'event-00001' AND v.\"Number\" = a.\"PublishedVersionNumber\")";
        await copy.AddAsync("SearchDocuments", new Dictionary<string, string> { ["Id"] = "NULL", ["ArticleId"] = "x.\"ArticleId\"", ["VersionId"] = "x.\"Id\"" },
            $"FROM \"ArticleVersions\" AS x JOIN \"SearchDocuments\" AS t ON t.\"VersionId\" = {templateVersion} WHERE x.\"ArticleId\" IN (SELECT \"Id\" FROM \"Articles\" WHERE \"Slug\" LIKE 'bulk-%')");
        await copy.CommitAsync();
        return count;
    }

    /// <summary>Registers the article query as an APQ and returns the GET path and the answer's ETag.</summary>
    private static async Task<(string Path, string ETag)> RegisterApqAsync(Uri url, string articleBody)
    {
        var request = JsonNode.Parse(articleBody)!;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(request["query"]!.GetValue<string>())));
        var extensions = JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } });
        using var client = new HttpClient();
        using var register = new StringContent(JsonSerializer.Serialize(new { query = request["query"]!.GetValue<string>(), variables = request["variables"], extensions = JsonNode.Parse(extensions) }), Encoding.UTF8, "application/json");
        (await client.PostAsync(url, register)).EnsureSuccessStatusCode();
        var path = $"/graphql?variables={Uri.EscapeDataString(request["variables"]!.ToJsonString())}&extensions={Uri.EscapeDataString(extensions)}";
        using var get = await client.GetAsync(new Uri(url, path));
        get.EnsureSuccessStatusCode();
        return (path, get.Headers.ETag!.ToString());
    }

    /// <summary>The exact bytes the CMS answers to a request (from a server of its own), for the ceiling server to return.</summary>
    private static async Task<byte[]> FetchAsync(string dataDirectory, string cmsDll, string body)
    {
        await using var server = await CmsServer.StartAsync(cmsDll, dataDirectory, cacheEnabled: false);
        return await server.AnswerAsync(body);
    }

    /// <summary>POSTs the article query for a random slug of the loaded ones (the smoke loop sends the first slug's).</summary>
    private static RequestLoad PostRandomSlug(List<string> slugs)
    {
        var first = JsonSerializer.Serialize(new { query = ArticleQuery, variables = new { slug = slugs[0] } });
        var builder = new StringBuilder();
        builder.Append("local slugs = {").Append(string.Join(",", slugs.Select(s => $"\"{s}\""))).Append("}\n");
        builder.Append("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        builder.Append(CultureInfo.InvariantCulture, $"local query = [[{JsonSerializer.Serialize(ArticleQuery)}]]\n");
        builder.Append("request = function()\n  local slug = slugs[math.random(#slugs)]\n  return wrk.format(nil, nil, nil, '{\"query\":' .. query .. ',\"variables\":{\"slug\":\"' .. slug .. '\"}}')\nend\n");
        return new RequestLoad(builder.ToString(), first, null);
    }

    private static void PrintTable(List<BenchmarkRow> rows, bool smoke)
    {
        double? Ceiling(string name) => rows.FirstOrDefault(r => r.Scenario == name)?.Rps;
        var output = new StringBuilder();
        output.AppendLine(smoke ? "Smoke run (figures mean nothing):" : "| scenario | req/s | CPU ms/request | ratio to ceiling |");
        output.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var row in rows.Where(r => r.Rps is not null))
        {
            var ceiling = row.IsCeiling ? null
                : row.Scenario.Contains("304", StringComparison.Ordinal) ? Ceiling("ceiling: 304")
                : row.Scenario.Contains("APQ GET", StringComparison.Ordinal) ? Ceiling("ceiling: article bytes GET")
                : row.Scenario.Contains("list", StringComparison.Ordinal) ? Ceiling("ceiling: list bytes POST")
                : Ceiling("ceiling: article bytes POST");
            var ratio = ceiling is > 0 ? (row.Rps / ceiling)?.ToString("0.000", CultureInfo.InvariantCulture) : string.Empty;
            output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.Rps:0} | {row.CpuMsPerRequest:0.000} | {ratio} |"));
        }

        foreach (var row in rows.Where(r => r.Rps is null))
        {
            output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Scenario} | {(row.Seconds is { } s ? $"{s:0.00} s" : $"{row.Memory:0}")} | | |"));
        }

        Console.WriteLine(output);
    }
}

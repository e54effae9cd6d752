using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Benchmarks.Harness;

namespace Cms.Benchmarks;

/// <summary>
/// The delivery targets of issue 16 on 100,000 published articles of five ~1 KB sections (SQLite): a filtered, date-ordered
/// page of 20 (latency with one client, and throughput with wrk against the same bytes from bare Kestrel), page 1,000 of
/// that list reached through cursors against page 1, and search. The response cache is off, so every request executes.
/// <c>--smoke</c> runs every step briefly on 1,000 articles, for CI.
/// </summary>
public static class DeliveryBenchmark
{
    private const string FilteredQuery = "query Filtered($after: String) { articles(first: 20, after: $after, where: { historicalDate: { gte: { year: 1 }, lt: { year: 1900 } } }, order: [{ historicalDate: DESC }]) { nodes { slug title historicalDate { display } tags { slug label } } pageInfo { hasNextPage endCursor } } }";
    private const string SearchQuery = "query Search($text: String!) { search(text: $text, first: 20) { nodes { snippet article { slug title } } } }";

    /// <summary>Words in the bulk articles' titles: each is in a tenth of them.</summary>
    private static readonly string[] TitleWords = ["battle", "treaty", "eruption", "voyage", "coronation", "plague", "siege", "charter", "revolt", "discovery"];

    public static async Task RunAsync(bool smoke, bool keepData = false)
    {
        var settings = smoke ? BenchmarkSettings.Smoke : BenchmarkSettings.Full;
        var deepPage = smoke ? 10 : 1000;
        using var work = WorkFolder.Create("cms-delivery-", keepData ? folder => $"data and published server kept in {folder}, for profiling" : null);
        var cmsDll = await work.PublishServerAsync();
        await using (var loader = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true, captureAdminKey: true))
        {
            var loading = Stopwatch.StartNew();
            var slugs = await ArticleLoader.LoadAsync(loader.Url, loader.AdminKey!, settings.Articles);
            Console.WriteLine($"loaded {slugs.Count} published articles through the API in {loading.Elapsed.TotalSeconds:0.0} s");
        }

        var bulk = Stopwatch.StartNew();
        var added = await BulkPublishWithListsAsync(Path.Combine(work.FullName, "cms.db"), settings.ScaleTo - settings.Articles);
        Console.WriteLine($"added {added:N0} published articles with their lists and search documents in {bulk.Elapsed.TotalSeconds:0} s");

        var rows = new List<string>();
        var firstPage = JsonSerializer.Serialize(new { query = FilteredQuery, variables = new { after = (string?)null } });
        string deepPageBody;
        byte[] listBytes, searchBytes;
        double pageOneP95, deepP95;
        BenchmarkRow listRow;
        await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: false))
        {
            var (p50, p95) = await Latency.PercentilesAsync(server.Url, firstPage);
            pageOneP95 = p95;
            rows.Add(LatencyRow("filtered page 1 (date range, by date), uncached", p50, p95, "p95 ≤ 15 ms"));

            var cursor = await CursorOfPageAsync(server.Url, deepPage);
            deepPageBody = JsonSerializer.Serialize(new { query = FilteredQuery, variables = new { after = cursor } });
            (p50, deepP95) = await Latency.PercentilesAsync(server.Url, deepPageBody);
            rows.Add(LatencyRow($"filtered page {deepPage:N0} through cursors, uncached", p50, deepP95, string.Create(CultureInfo.InvariantCulture, $"{deepP95 / pageOneP95:0.00}× page 1 (≤ 1.3×)")));

            foreach (var (text, what) in new[] { ("siege", "a word in a tenth of the titles"), ($"{settings.ScaleTo / 2}", "a word in one article"), ("siege event", "two words: one in a tenth of the titles, one in all") })
            {
                var body = JsonSerializer.Serialize(new { query = SearchQuery, variables = new { text } });
                (p50, p95) = await Latency.PercentilesAsync(server.Url, body);
                rows.Add(LatencyRow($"search \"{text}\" ({what})", p50, p95, "p95 ≤ 50 ms"));
            }

            listBytes = await server.AnswerAsync(firstPage);
            searchBytes = await server.AnswerAsync(JsonSerializer.Serialize(new { query = SearchQuery, variables = new { text = "siege" } }));
            listRow = await LoadGenerator.MeasureAsync(server, settings, "filtered list of 20, uncached (wrk)", "/graphql", RequestLoad.Post(firstPage));
        }

        BenchmarkRow ceilingRow;
        await using (var ceiling = await CeilingServer.StartAsync(work.FullName, searchBytes, listBytes))
        {
            ceilingRow = await LoadGenerator.MeasureAsync(ceiling, settings, "ceiling: the same list bytes", "/list", RequestLoad.Post(firstPage), isCeiling: true);
        }

        Console.WriteLine(smoke ? "Smoke run (figures mean nothing):" : string.Empty);
        Console.WriteLine("| single client, 300 requests after 50 warm-up | p50 | p95 | target |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| wrk -t2 -c16 | req/s | CPU ms/request | ratio to ceiling |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {listRow.Scenario} | {listRow.Rps:0} | {listRow.CpuMsPerRequest:0.000} | {listRow.Rps / ceilingRow.Rps:0.000} (≥ 0.05) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ceilingRow.Scenario} | {ceilingRow.Rps:0} | {ceilingRow.CpuMsPerRequest:0.000} | |"));
    }

    private static string LatencyRow(string scenario, double p50, double p95, string target) =>
        string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {p50:0.00} ms | {p95:0.00} ms | {target} |");

    /// <summary>The end cursor of page <paramref name="page"/> - 1, by following every page's cursor from the first.</summary>
    private static async Task<string> CursorOfPageAsync(Uri url, int page)
    {
        using var client = new HttpClient();
        string? after = null;
        for (var i = 1; i < page; i++)
        {
            var body = JsonSerializer.Serialize(new { query = FilteredQuery, variables = new { after } });
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var info = json["data"]?["articles"]?["pageInfo"] ?? throw new InvalidOperationException(json.ToJsonString());
            if (!info["hasNextPage"]!.GetValue<bool>())
            {
                throw new InvalidOperationException($"The filtered list ends at page {i}.");
            }

            after = info["endCursor"]!.GetValue<string>();
        }

        return after!;
    }

    /// <summary>
    /// Adds published articles straight into the SQLite file: copies of one loaded article with every list of its published
    /// version and its search document, with new ids and slugs, dates spread over the years 1 to 3000 (about 33 a
    /// year), and titles naming their number and one of ten words. The search index fills through its triggers, as a
    /// publish would.
    /// </summary>
    private static async Task<int> BulkPublishWithListsAsync(string databaseFile, int count)
    {
        var key = "((n.i % 3000) + 1) * 10000 + 101";
        var words = string.Join(" ", TitleWords.Select((w, i) => $"WHEN {i} THEN '{w}'"));
        var number = "CAST(substr(x.\"Slug\", 6) AS INTEGER)";
        var template = $"(SELECT \"Id\" FROM \"ArticleVersions\" WHERE \"ArticleId\" = {SqliteBulkCopy.TemplateArticleId} AND \"Number\" = 1)";
        var bulkVersions = $"FROM \"ArticleVersions\" AS x JOIN \"{{0}}\" AS t ON t.\"VersionId\" = {template} WHERE x.\"Title\" LIKE 'Event number % (bulk)'";
        await using var copy = await SqliteBulkCopy.OpenAsync(databaseFile);
        await copy.AddAsync("Articles", new Dictionary<string, string> { ["Id"] = SqliteBulkCopy.NewGuid, ["Slug"] = "'bulk-' || n.i", ["PublishedDateSortKey"] = key }, SqliteBulkCopy.CopiesOfTemplate(count));
        await copy.AddAsync("ArticleVersions", new Dictionary<string, string>
        {
            ["Id"] = SqliteBulkCopy.NewGuid,
            ["ArticleId"] = "x.\"Id\"",
            ["DateSortKey"] = "x.\"PublishedDateSortKey\"",
            ["DateEndKey"] = "x.\"PublishedDateSortKey\" + 1130",
            ["DateStartYear"] = "x.\"PublishedDateSortKey\" / 10000",
            ["DateLabel"] = "NULL",
            ["Title"] = $"'Event number ' || {number} || ' ' || (CASE {number} % 10 {words} END) || ' (bulk)'",
        }, SqliteBulkCopy.PublishedVersionOfEachCopy);
        foreach (var list in new[] { "VersionPlaces", "VersionTags", "VersionKeyFacts", "VersionSections", "VersionSources" })
        {
            await copy.AddAsync(list, new Dictionary<string, string> { ["VersionId"] = "x.\"Id\"" }, string.Format(CultureInfo.InvariantCulture, bulkVersions, list));
        }

        await copy.AddAsync("SearchDocuments", new Dictionary<string, string> { ["Id"] = "NULL", ["ArticleId"] = "x.\"ArticleId\"", ["VersionId"] = "x.\"Id\"", ["Title"] = "x.\"Title\"" },
            $"FROM \"ArticleVersions\" AS x JOIN \"SearchDocuments\" AS t ON t.\"VersionId\" = {template} WHERE x.\"Title\" LIKE 'Event number % (bulk)'");
        await copy.CommitAsync();
        return count;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cms.Benchmarks;

/// <summary>
/// The read path as front ends load it: a Release CMS server in its own process on loopback, 1,000 published articles of
/// five ~1 KB sections loaded through the API, wrk as the load generator, and a bare Kestrel process serving the CMS's own
/// response bytes measured in the same run as the ceiling. Prints the table docs/benchmarks.md keeps.
/// <c>--smoke</c> runs every step for a second with a few articles and an in-process load loop instead of wrk, so CI
/// keeps the harness working; its figures mean nothing.
/// </summary>
public static partial class ReadPathBenchmark
{
    private const string ArticleQuery = "query Article($slug: String!) { article(slug: $slug) { id slug title summary historicalDate { display start { year month day } } places { name country } tags { slug label } keyFacts sections { key heading body } sources { title url } } }";
    private const string ListQuery = "query Newest { articles(first: 20) { edges { cursor node { title historicalDate { display } } } pageInfo { hasNextPage endCursor } } }";

    public static async Task RunAsync(bool smoke, bool quick = false, bool keepData = false)
    {
        var settings = smoke ? Settings.Smoke : quick ? Settings.Quick : Settings.Full;
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("cms-readpath-");
        var results = new List<Row>();
        try
        {
            // 0. The server as it is deployed: published for the platform, ReadyToRun.
            var cmsDll = await PublishServerAsync(root, Path.Combine(work.FullName, "server"));

            // 1. Load content through the API (cache on; its state does not matter here).
            string adminKey;
            List<string> slugs;
            await using (var loader = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true, captureAdminKey: true))
            {
                adminKey = loader.AdminKey!;
                var loading = Stopwatch.StartNew();
                slugs = await LoadArticlesAsync(loader.Url, adminKey, settings.Articles);
                Console.WriteLine($"loaded {slugs.Count} published articles through the API in {loading.Elapsed.TotalSeconds:0.0} s");
            }

            var articleBody = JsonSerializer.Serialize(new { query = ArticleQuery, variables = new { slug = slugs[slugs.Count / 2] } });
            var listBody = JsonSerializer.Serialize(new { query = ListQuery });

            // 2. Uncached: every request executes.
            await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: false))
            {
                results.Add(new Row("start to first answer (cache off)", Seconds: server.Elapsed.TotalSeconds));
                results.Add(new Row("idle memory (MiB)", Memory: server.RssMiB()));
                results.Add(await MeasureAsync(server, settings, "article(slug) POST, random slug, uncached", "/graphql", LuaPostRandomSlug(slugs)));
                results.Add(await MeasureAsync(server, settings, "list of 20 newest POST, uncached", "/graphql", LuaPost(listBody)));
                results.Add(new Row("memory after load, uncached (MiB)", Memory: server.RssMiB()));
            }

            // 3. Cached: repeated reads, APQ GET and 304.
            await using (var server = await CmsServer.StartAsync(cmsDll, work.FullName, cacheEnabled: true))
            {
                results.Add(new Row("start to first answer (cache on)", Seconds: server.Elapsed.TotalSeconds));
                results.Add(await MeasureAsync(server, settings, "article(slug) POST, random slug, cached", "/graphql", LuaPostRandomSlug(slugs)));
                results.Add(await MeasureAsync(server, settings, "list of 20 newest POST, cached", "/graphql", LuaPost(listBody)));
                var (apqPath, etag) = await RegisterApqAsync(server.Url, articleBody);
                results.Add(await MeasureAsync(server, settings, "same slug, APQ GET", apqPath, LuaGet(null)));
                results.Add(await MeasureAsync(server, settings, "APQ GET with matching If-None-Match (304)", apqPath, LuaGet(etag)));
                results.Add(new Row("memory after load, cached (MiB)", Memory: server.RssMiB()));
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
                results.Add(new Row("start to first answer (ceiling)", Seconds: ceiling.Elapsed.TotalSeconds, IsCeiling: true));
                results.Add(new Row("idle memory, ceiling (MiB)", Memory: ceiling.RssMiB(), IsCeiling: true));
                results.Add(await MeasureAsync(ceiling, settings, "ceiling: article bytes POST", "/article", LuaPost(articleBody), isCeiling: true));
                results.Add(await MeasureAsync(ceiling, settings, "ceiling: list bytes POST", "/list", LuaPost(listBody), isCeiling: true));
                results.Add(await MeasureAsync(ceiling, settings, "ceiling: article bytes GET", "/article", LuaGet(null), isCeiling: true));
                results.Add(await MeasureAsync(ceiling, settings, "ceiling: 304", "/not-modified", LuaGet(null), isCeiling: true));
            }

            PrintTable(results, smoke);
            Console.WriteLine("| single client, 300 requests after 50 warm-up | p50 | p95 |");
            Console.WriteLine("| --- | ---: | ---: |");
            scaleRows.ForEach(Console.WriteLine);
        }
        finally
        {
            if (keepData)
            {
                Console.WriteLine($"data kept in {work.FullName} (Database__DataDirectory), for profiling a server on it");
            }
            else
            {
                work.Delete(recursive: true);
            }
        }
    }

    private sealed record Settings(int Articles, int WarmUpSeconds, int Seconds, bool UseWrk, int ScaleTo)
    {
        public static readonly Settings Full = new(1000, 10, 20, UseWrk: true, ScaleTo: 100_000);
        public static readonly Settings Smoke = new(10, 1, 1, UseWrk: false, ScaleTo: 1_000);
        public static readonly Settings Quick = new(200, 3, 5, UseWrk: true, ScaleTo: 20_000);
    }

    private sealed record Row(string Scenario, double? Rps = null, double? CpuMsPerRequest = null, double? Seconds = null, double? Memory = null, bool IsCeiling = false);

    /// <summary>Creates and publishes articles in batches of aliased mutations (inputs as variables); returns their slugs.</summary>
    private static async Task<List<string>> LoadArticlesAsync(Uri url, string adminKey, int count)
    {
        const int BatchSize = 8;
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        var body = string.Concat(Enumerable.Repeat("The chroniclers disagree about the numbers, but every account agrees on the order of events. ", 11));
        var slugs = new List<string>();
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).ToList();
            var variables = batch.ToDictionary(i => $"a{i}", i => (object)new
            {
                slug = $"event-{i:D5}",
                title = $"Event number {i}",
                summary = $"What happened in event {i}.",
                historicalDate = new { start = new { year = i % 3 == 0 ? -(i + 1) : 1000 - i }, precision = "YEAR" },
                places = new[] { new { name = $"Place {i}", country = "Somewhere" } },
                tags = new[] { $"tag-{i % 10}", "benchmark" },
                keyFacts = new[] { $"Fact one about {i}", "Fact two" },
                sources = new[] { new { title = "A chronicle", url = $"https://example.org/{i}" } },
                sections = Enumerable.Range(1, 5).Select(s => new { heading = $"Part {s}", body }).ToArray(),
            });
            var declarations = string.Join(", ", batch.Select(i => $"$a{i}: CreateArticleInput!"));
            var creates = string.Concat(batch.Select(i => $"a{i}: createArticle(input: $a{i}) {{ article {{ id }} errors {{ __typename }} }} "));
            var created = await PostAsync(client, $"mutation Load({declarations}) {{ {creates} }}", variables);
            var ids = batch.Select(i => created["data"]![$"a{i}"]!["article"]!["id"]!.GetValue<string>()).ToList();
            var publishes = string.Concat(ids.Select((id, n) => $$"""p{{n}}: publishArticle(input: { id: "{{id}}" }) { errors { __typename } } """));
            await PostAsync(client, $"mutation {{ {publishes} }}", null);
            slugs.AddRange(batch.Select(i => $"event-{i:D5}"));
        }

        return slugs;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string query, object? variables)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(string.Empty, content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not null)
        {
            throw new InvalidOperationException("Loading failed: " + body["errors"]!.ToJsonString());
        }

        return body;
    }

    /// <summary>One client posting the same request: the p50 and p95 of 300 after 50 warm-up requests, as a table row.</summary>
    private static async Task<string> LatencyAsync(Uri url, string body, string scenario)
    {
        var (p50, p95) = await PercentilesAsync(url, body);
        var row = string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {p50:0.00} ms | {p95:0.00} ms |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>
    /// Adds published articles straight into the SQLite file (the API would take hours for 100,000): copies of one loaded
    /// article and its published version with new ids, slugs and date keys, in one transaction. Every column not named
    /// here is copied, so the rows stay valid as the schema grows; foreign keys are checked at commit.
    /// </summary>
    private static async Task<int> BulkPublishAsync(string databaseFile, int count)
    {
        if (count <= 0)
        {
            return 0;
        }

        const string NewGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        Task<List<string>> ColumnsAsync(string table) => ColumnsOfAsync(connection, table);

        string Select(List<string> columns, Dictionary<string, string> overrides, string alias) =>
            string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"{alias}.\"{c}\""));

        var articleColumns = await ColumnsAsync("Articles");
        var versionColumns = await ColumnsAsync("ArticleVersions");
        var articleOverrides = new Dictionary<string, string>
        {
            ["Id"] = NewGuid,
            ["Slug"] = "'bulk-' || n.i",
            ["PublishedDateSortKey"] = "t.\"PublishedDateSortKey\" - 1 - n.i",
        };
        var versionOverrides = new Dictionary<string, string>
        {
            ["Id"] = NewGuid,
            ["ArticleId"] = "x.\"Id\"",
            ["DateSortKey"] = "x.\"PublishedDateSortKey\"",
            ["DateEndKey"] = "x.\"PublishedDateSortKey\"",
        };
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA defer_foreign_keys = ON;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Articles" ({string.Join(", ", articleColumns.Select(c => $"\"{c}\""))})
            SELECT {Select(articleColumns, articleOverrides, "t")} FROM n, (SELECT * FROM "Articles" WHERE "Slug" = 'event-00001') AS t;
            INSERT INTO "ArticleVersions" ({string.Join(", ", versionColumns.Select(c => $"\"{c}\""))})
            SELECT {Select(versionColumns, versionOverrides, "v")}
            FROM "Articles" AS x
            JOIN "ArticleVersions" AS v ON v."ArticleId" = (SELECT "Id" FROM "Articles" WHERE "Slug" = 'event-00001') AND v."Number" = x."PublishedVersionNumber"
            WHERE x."Slug" LIKE 'bulk-%';
            """;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return count;
    }

    /// <summary>The column names of a SQLite table, so that bulk copies name every column the schema has today.</summary>
    private static async Task<List<string>> ColumnsOfAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string table)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA table_info(\"{table}\")";
        var names = new List<string>();
        await using var reader = await pragma.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(1));
        }

        return names;
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

    /// <summary>The exact bytes the CMS answers to a request, for the ceiling server to return.</summary>
    private static async Task<byte[]> FetchAsync(string dataDirectory, string cmsDll, string body)
    {
        await using var server = await CmsServer.StartAsync(cmsDll, dataDirectory, cacheEnabled: false);
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(server.Url, content);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>What the load generator sends: wrk's Lua script, and the same request for the smoke run's in-process loop.</summary>
    private sealed record Load(string Lua, string? Body, string? IfNoneMatch);

    private static async Task<Row> MeasureAsync(ServerProcess server, Settings settings, string scenario, string path, Load load, bool isCeiling = false)
    {
        var target = new Uri(server.Url, path);
        if (settings.UseWrk)
        {
            await WrkAsync(target, load, settings.WarmUpSeconds);
        }

        var cpuBefore = server.CpuSeconds();
        var requests = settings.UseWrk ? await WrkAsync(target, load, settings.Seconds) : await LoopAsync(target, load, settings.Seconds);
        var cpu = server.CpuSeconds() - cpuBefore;
        var row = new Row(scenario, requests / settings.Seconds, requests == 0 ? null : cpu * 1000 / requests, IsCeiling: isCeiling);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {row.Rps:0} req/s, {row.CpuMsPerRequest:0.000} ms CPU per request"));
        return row;
    }

    /// <summary>Runs wrk (-t2 -c16) with a Lua request script; returns the number of requests completed.</summary>
    private static async Task<long> WrkAsync(Uri url, Load load, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"cms-readpath-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, load.Lua);
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t2", "-c16", $"-d{seconds}s", "-s", script, url.ToString()]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var total = RequestsTotal().Match(output);
            // 304s count as non-2xx in wrk's summary; they are the expected answer there.
            var expectsNotModified = load.IfNoneMatch is not null || url.AbsolutePath == "/not-modified";
            if (!total.Success || (output.Contains("Non-2xx", StringComparison.Ordinal) && !expectsNotModified))
            {
                throw new InvalidOperationException("Unexpected wrk output:\n" + output);
            }

            return long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The smoke run's load: the load's request sent in a loop from 4 tasks.</summary>
    private static async Task<long> LoopAsync(Uri url, Load load, int seconds)
    {
        var (body, etag) = (load.Body, load.IfNoneMatch);
        using var client = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                Interlocked.Increment(ref count);
            }
        }));
        return count;
    }

    private static Load LuaPost(string body) =>
        new($"wrk.method = \"POST\"\nwrk.body = [[{body}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n", body, null);

    private static Load LuaGet(string? etag) =>
        new(etag is null ? "wrk.method = \"GET\"\n" : $"wrk.method = \"GET\"\nwrk.headers[\"If-None-Match\"] = [[{etag}]]\n", null, etag);

    /// <summary>POSTs the article query for a random slug of the loaded ones (the smoke loop sends the first slug's).</summary>
    private static Load LuaPostRandomSlug(List<string> slugs)
    {
        var first = JsonSerializer.Serialize(new { query = ArticleQuery, variables = new { slug = slugs[0] } });
        var builder = new StringBuilder();
        builder.Append("local slugs = {").Append(string.Join(",", slugs.Select(s => $"\"{s}\""))).Append("}\n");
        builder.Append("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        builder.Append(CultureInfo.InvariantCulture, $"local query = [[{JsonSerializer.Serialize(ArticleQuery)}]]\n");
        builder.Append("request = function()\n  local slug = slugs[math.random(#slugs)]\n  return wrk.format(nil, nil, nil, '{\"query\":' .. query .. ',\"variables\":{\"slug\":\"' .. slug .. '\"}}')\nend\n");
        return new Load(builder.ToString(), first, null);
    }

    private static void PrintTable(List<Row> rows, bool smoke)
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

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cms.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsTotal();



    /// <summary>Publishes the CMS as the pipeline does (Release, framework-dependent for this platform, ReadyToRun).</summary>
    private static async Task<string> PublishServerAsync(string root, string output)
    {
        var project = Path.Combine(root, "src", "Cms.Api", "Cms.Api.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "--configuration", "Release", "--runtime", PortableRuntimeIdentifier(), "--self-contained", "false", "--output", output, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:{Environment.NewLine}{log}");
        }

        Console.WriteLine($"published the server (ReadyToRun) in {clock.Elapsed.TotalSeconds:0} s");
        return Path.Combine(output, "Cms.Api.dll");
    }

    /// <summary>The portable identifier of this platform (linux-x64, osx-arm64...), which the runtime packs are published for.</summary>
    private static string PortableRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }

    /// <summary>A server in its own process: its URL, how long it took to answer first, its CPU time and memory.</summary>
    private abstract class ServerProcess : IAsyncDisposable
    {
        protected Process Process { get; private set; } = null!;

        public Uri Url { get; private set; } = null!;

        public TimeSpan Elapsed { get; private set; }

        public double CpuSeconds()
        {
            Process.Refresh();
            return Process.TotalProcessorTime.TotalSeconds;
        }

        public int ProcessId => Process.Id;

        public double RssMiB()
        {
            Process.Refresh();
            return Process.WorkingSet64 / (1024.0 * 1024.0);
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }

            Process.Dispose();
        }

        /// <summary>Starts the process and waits until <paramref name="probe"/> answers; the time counts from the start.</summary>
        protected async Task StartAsync(ProcessStartInfo start, Uri url, Func<HttpClient, Task<bool>> probe)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            var clock = Stopwatch.StartNew();
            Process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
            Process.OutputDataReceived += (_, e) => OnOutput(e.Data);
            Process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
            Url = url;
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            while (true)
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {Process.ExitCode}.");
                }

                try
                {
                    if (await probe(client))
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"{url} did not answer within 2 minutes.");
                }

                await Task.Delay(10);
            }

            Elapsed = clock.Elapsed;
        }

        protected virtual void OnOutput(string? line)
        {
        }
    }

    private sealed class CmsServer : ServerProcess
    {
        public string? AdminKey { get; private set; }

        public static async Task<CmsServer> StartAsync(string cmsDll, string dataDirectory, bool cacheEnabled, bool captureAdminKey = false, IReadOnlyDictionary<string, string>? environment = null)
        {
            var port = LoopbackPorts.Free();
            var start = new ProcessStartInfo("dotnet", [cmsDll]) { WorkingDirectory = Path.GetDirectoryName(cmsDll)! };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Database__DataDirectory"] = dataDirectory;
            start.Environment["Database__SeedDemoContent"] = "false";
            start.Environment["RateLimits__AnonymousQueriesPerMinute"] = "0";
            start.Environment["RateLimits__MutationsPerMinute"] = "0";
            start.Environment["GraphQL__ResponseCache__Enabled"] = cacheEnabled ? "true" : "false";
            start.Environment["Scheduling__Enabled"] = "false";

            // Production on SQLite and a local folder: a benchmark, not a deployment.
            start.Environment["Deployment__AllowUnsafeConfiguration"] = "true";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var server = new CmsServer();
            var url = new Uri($"http://127.0.0.1:{port}/graphql");
            await server.StartAsync(start, url, async client =>
            {
                using var content = new StringContent("{\"query\":\"{ articles(first: 1) { edges { cursor } } }\"}", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url, content);
                return response.IsSuccessStatusCode && (!captureAdminKey || server.AdminKey is not null);
            });
            return server;
        }

        protected override void OnOutput(string? line)
        {
            if (line?.Trim() is { } text && text.StartsWith("cmsk_", StringComparison.Ordinal))
            {
                AdminKey = text;
            }
        }
    }

    private sealed class CeilingServer : ServerProcess
    {
        public static async Task<CeilingServer> StartAsync(string folder, byte[] article, byte[] list)
        {
            var articleFile = Path.Combine(folder, "article.json");
            var listFile = Path.Combine(folder, "list.json");
            await File.WriteAllBytesAsync(articleFile, article);
            await File.WriteAllBytesAsync(listFile, list);
            var port = LoopbackPorts.Free();
            var start = new ProcessStartInfo("dotnet", [typeof(ReadPathBenchmark).Assembly.Location, "ceiling-server", port.ToString(CultureInfo.InvariantCulture), articleFile, listFile]);
            var server = new CeilingServer();
            var url = new Uri($"http://127.0.0.1:{port}/");
            await server.StartAsync(start, url, async client => (await client.GetAsync(new Uri(url, "/article"))).IsSuccessStatusCode);
            return server;
        }
    }

    /// <summary>The ceiling: bare Kestrel answering with fixed bytes, nothing else (the <c>ceiling-server</c> command).</summary>
    public static async Task ServeCeilingAsync(int port, string articleFile, string listFile)
    {
        var article = await File.ReadAllBytesAsync(articleFile);
        var list = await File.ReadAllBytesAsync(listFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.Map("/article", (HttpContext http) => WriteAsync(http, article));
        app.Map("/list", (HttpContext http) => WriteAsync(http, list));
        app.Map("/not-modified", (HttpContext http) =>
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });
        await app.RunAsync();
    }

    private static async Task WriteAsync(HttpContext http, byte[] body)
    {
        if (HttpMethods.IsPost(http.Request.Method))
        {
            // Read the request as the CMS must, so both sides pay for receiving it.
            await http.Request.Body.CopyToAsync(Stream.Null);
        }

        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    }
}

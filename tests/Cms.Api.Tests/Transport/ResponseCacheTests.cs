using System.Diagnostics.Metrics;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Transport;
using Cms.Model.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// Anonymous answers come from memory until content changes anywhere: repeated queries and 304 revalidations run no SQL,
/// a change through this instance empties its cache at once, and one through another instance within the poll interval.
/// </summary>
public sealed class ResponseCacheTests : IDisposable
{
    private const string Query = "query Marathon { article(slug: \"battle-of-marathon\") { slug title } }";

    private readonly SqlCommandLog _sql = new();
    private readonly CmsApiFactory _api;

    public ResponseCacheTests() =>
        _api = _sql.AttachTo(new CmsApiFactory().WithSetting("GraphQL:ResponseCache:PollInterval", "00:00:00.200"));

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_repeated_anonymous_query_is_answered_from_memory_without_sql()
    {
        using var client = await _api.CacheReadyClientAsync();

        var first = await GraphQLHttp.PostAsync(client, new { query = Query });
        var statementsBefore = SqlStatements();
        var second = await GraphQLHttp.PostAsync(client, new { query = Query });

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(statementsBefore, SqlStatements());
        Assert.True(Cache(_api).Statistics.Hits >= 1);
        Assert.Equal("no-store", second.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Concurrent_misses_of_one_answer_execute_it_once()
    {
        using var client = await _api.CacheReadyClientAsync();
        // The statements of one execution, read with a query of the same shape under another key (after a first one, which
        // also fills the version cache that later executions read from).
        await GraphQLHttp.PostAsync(client, new { query = "query Warm { article(slug: \"battle-of-marathon\") { slug title summary } }" });
        var before = SqlStatements();
        await GraphQLHttp.PostAsync(client, new { query = "query Once { article(slug: \"battle-of-marathon\") { slug title summary } }" });
        var oneExecution = SqlStatements() - before;
        Assert.True(oneExecution > 0);
        var statistics = Cache(_api).Statistics;
        before = SqlStatements();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            GraphQLHttp.PostAsync(client, new { query = "query Together { article(slug: \"battle-of-marathon\") { slug title summary } }" })));

        Assert.All(answers, answer => Assert.Equal(answers[0].Text, answer.Text));
        Assert.Contains("Marathon", answers[0].Text, StringComparison.Ordinal);
        Assert.Equal(oneExecution, SqlStatements() - before);
        var after = Cache(_api).Statistics;
        Assert.Equal(7, (after.Hits - statistics.Hits) + (after.Coalesced - statistics.Coalesced));
    }

    [Fact]
    public async Task A_get_revalidation_with_a_matching_etag_answers_304_without_sql()
    {
        using var client = await _api.CacheReadyClientAsync();
        var parameters = new Dictionary<string, string?> { ["query"] = Query };
        var first = await GraphQLHttp.GetAsync(client, parameters);
        var statementsBefore = SqlStatements();

        var revalidated = await GraphQLHttp.GetAsync(client, parameters, headers: new Dictionary<string, string> { ["If-None-Match"] = first.Headers.ETag!.ToString() });

        Assert.Equal(304, revalidated.Status);
        Assert.Equal(statementsBefore, SqlStatements());
    }

    [Fact]
    public async Task Variables_and_media_types_key_separate_answers()
    {
        using var client = await _api.CacheReadyClientAsync();
        const string byVariable = "query($slug: String) { article(slug: $slug) { slug } }";

        var marathon = await GraphQLHttp.PostAsync(client, new { query = byVariable, variables = new { slug = "battle-of-marathon" } });
        var wall = await GraphQLHttp.PostAsync(client, new { query = byVariable, variables = new { slug = "fall-of-the-berlin-wall" } });
        var marathonAgain = await GraphQLHttp.PostAsync(client, new { query = byVariable, variables = new { slug = "battle-of-marathon" } });
        var legacy = await GraphQLHttp.PostAsync(client, new { query = byVariable, variables = new { slug = "battle-of-marathon" } }, "application/json");
        var modern = await GraphQLHttp.PostAsync(client, new { query = byVariable, variables = new { slug = "battle-of-marathon" } }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal("battle-of-marathon", marathon.Body!["data"]!["article"]!["slug"]!.GetValue<string>());
        Assert.Equal("fall-of-the-berlin-wall", wall.Body!["data"]!["article"]!["slug"]!.GetValue<string>());
        Assert.Equal(marathon.Text, marathonAgain.Text);
        Assert.Equal("application/json; charset=utf-8", legacy.ContentType);
        Assert.Equal("application/graphql-response+json; charset=utf-8", modern.ContentType);
    }

    [Fact]
    public async Task Callers_with_credentials_never_get_or_leave_cached_answers()
    {
        using var anonymous = await _api.CacheReadyClientAsync();
        using var viewer = _api.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Viewer));
        const string draft = "{ article(slug: \"battle-of-leyte-gulf\", stage: DRAFT) { title } }";

        await GraphQLHttp.PostAsync(viewer, new { query = Query });
        var statementsBefore = SqlStatements();
        await GraphQLHttp.PostAsync(viewer, new { query = Query });
        var viewerRan = SqlStatements() > statementsBefore;
        var asViewer = await GraphQLHttp.PostAsync(viewer, new { query = draft });
        var asAnonymous = await GraphQLHttp.PostAsync(anonymous, new { query = draft });

        Assert.True(viewerRan, "A repeated query with credentials must execute.");
        Assert.NotNull(asViewer.Body!["data"]!["article"]);
        Assert.Equal(401, asAnonymous.Status);
    }

    [Fact]
    public async Task A_change_through_this_instance_is_answered_at_once()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var publisher = _api.CreateClient();
        publisher.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Publisher));
        var before = await GraphQLHttp.PostAsync(reader, new { query = Query });
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"battle-of-marathon\") { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();

        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var after = await GraphQLHttp.PostAsync(reader, new { query = Query });

        Assert.NotNull(before.Body!["data"]!["article"]);
        Assert.Null(after.Body!["data"]!["article"]);
    }

    [Fact]
    public async Task Two_instances_on_one_database_never_serve_a_change_stale_for_more_than_two_seconds()
    {
        using var instances = await TwoInstances.StartAsync();
        var (second, publisher, reader) = (instances.Second, instances.Publisher, instances.Reader);
        const string list = "{ articles(first: 3) { edges { node { slug } } } }";
        var before = await GraphQLHttp.PostAsync(reader, new { query = list });
        await GraphQLHttp.PostAsync(reader, new { query = list });
        var hitsBeforeChange = Cache(second).Statistics.Hits;
        var newest = before.Body!["data"]!["articles"]!["edges"]![0]!["node"]!["slug"]!.GetValue<string>();
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = $"{{ article(slug: \"{newest}\") {{ id }} }}" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();

        var changed = await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var changedAt = DateTime.UtcNow;
        var seenAt = (DateTime?)null;
        var lastStaleRequestAt = changedAt;
        while (seenAt is null && DateTime.UtcNow - changedAt < TimeSpan.FromSeconds(5))
        {
            var sentAt = DateTime.UtcNow;
            var now = await GraphQLHttp.PostAsync(reader, new { query = list });
            if (now.Body!["data"]!["articles"]!["edges"]![0]!["node"]!["slug"]!.GetValue<string>() != newest)
            {
                seenAt = DateTime.UtcNow;
            }
            else
            {
                lastStaleRequestAt = sentAt;
            }

            await Task.Delay(50);
        }

        Assert.Empty(changed.Body!["data"]!["unpublishArticle"]!["errors"]!.AsArray());
        Assert.True(hitsBeforeChange >= 1, "The second instance answered the list from its cache before the change.");
        Assert.NotNull(seenAt);
        // Stale means a request that arrived after the change got the old answer; how long the fresh answer took to travel
        // back on a busy machine is not staleness.
        var staleFor = lastStaleRequestAt - changedAt;
        Assert.True(staleFor <= TimeSpan.FromSeconds(2), $"A request sent {staleFor.TotalMilliseconds:0} ms after the change was answered stale.");
    }

    [Fact]
    public async Task A_change_on_one_instance_drops_on_another_only_the_answers_that_read_it()
    {
        using var instances = await TwoInstances.StartAsync();
        var (second, publisher, reader) = (instances.Second, instances.Publisher, instances.Reader);
        const string other = "{ article(slug: \"battle-of-leyte-gulf\") { slug title } }";
        await GraphQLHttp.PostAsync(reader, new { query = Query });
        await GraphQLHttp.PostAsync(reader, new { query = other });
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"battle-of-marathon\") { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();

        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var changedAt = DateTime.UtcNow;
        while ((await GraphQLHttp.PostAsync(reader, new { query = Query })).Body!["data"]!["article"] is not null && DateTime.UtcNow - changedAt < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        var changed = await GraphQLHttp.PostAsync(reader, new { query = Query });
        var hitsBefore = Cache(second).Statistics.Hits;
        var stillCached = await GraphQLHttp.PostAsync(reader, new { query = other });

        Assert.Null(changed.Body!["data"]!["article"]);
        Assert.NotNull(stillCached.Body!["data"]!["article"]);
        Assert.Equal(hitsBefore + 1, Cache(second).Statistics.Hits);
    }

    [Fact]
    public async Task Filtered_lists_nodes_on_this_day_search_and_taxonomy_follow_a_change_made_on_another_instance_within_two_seconds()
    {
        using var instances = await TwoInstances.StartAsync();
        var (publisher, reader) = (instances.Publisher, instances.Reader);
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"fall-of-the-berlin-wall\") { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();
        var reads = $$"""
            query Reads {
              filtered: articles(where: { tags: { some: { slug: { eq: "cold-war" } } } }, order: [{ title: ASC }]) { nodes { slug } }
              node(id: "{{id}}") { id }
              onThisDay(month: 11, day: 9) { slug }
              search(text: "berlin wall") { nodes { article { slug } } }
              tags(first: 100) { nodes { slug articleCount } }
              places(first: 100) { totalCount }
            }
            """;
        const string seen = "{\"filtered\":{\"nodes\":[{\"slug\":\"apollo-11-moon-landing\"},{\"slug\":\"fall-of-the-berlin-wall\"}]}";
        var before = await GraphQLHttp.PostAsync(reader, new { query = reads });
        await GraphQLHttp.PostAsync(reader, new { query = reads });

        var changed = await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var changedAt = DateTime.UtcNow;
        var lastStaleRequestAt = changedAt;
        GraphQLResponse after;
        while (true)
        {
            await Task.Delay(50);
            var sentAt = DateTime.UtcNow;
            after = await GraphQLHttp.PostAsync(reader, new { query = reads });
            if (after.Body!["data"]!["node"] is null || DateTime.UtcNow - changedAt >= TimeSpan.FromSeconds(5))
            {
                break;
            }

            lastStaleRequestAt = sentAt;
        }

        // Measured from when the last stale answer was asked for: the fresh answer's trip back is not staleness.
        var staleFor = lastStaleRequestAt - changedAt;

        Assert.Empty(changed.Body!["data"]!["unpublishArticle"]!["errors"]!.AsArray());
        Assert.StartsWith(seen, before.Body!["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["fall-of-the-berlin-wall"], before.Body!["data"]!["onThisDay"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
        Assert.Null(after.Body!["data"]!["node"]);
        Assert.True(staleFor <= TimeSpan.FromSeconds(2), $"A request sent {staleFor.TotalMilliseconds:0} ms after the change was answered stale.");
        Assert.Equal(["apollo-11-moon-landing"], after.Body!["data"]!["filtered"]!["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
        Assert.Empty(after.Body!["data"]!["onThisDay"]!.AsArray());
        Assert.Equal(["fall-of-the-berlin-wall"], before.Body!["data"]!["search"]!["nodes"]!.AsArray().Select(n => n!["article"]!["slug"]!.GetValue<string>()));
        Assert.Empty(after.Body!["data"]!["search"]!["nodes"]!.AsArray());
        Assert.Equal((2, 1), (TagCount(before, "cold-war"), TagCount(after, "cold-war")));
        Assert.Equal((1, 0), (TagCount(before, "germany"), TagCount(after, "germany")));
        Assert.True(after.Body!["data"]!["places"]!["totalCount"]!.GetValue<int>() < before.Body!["data"]!["places"]!["totalCount"]!.GetValue<int>());

        static int TagCount(GraphQLResponse response, string slug) =>
            response.Body!["data"]!["tags"]!["nodes"]!.AsArray().SingleOrDefault(t => t!["slug"]!.GetValue<string>() == slug)?["articleCount"]!.GetValue<int>() ?? 0;
    }

    [Fact]
    public async Task The_cache_stays_within_its_byte_limit_and_reports_evictions_as_metrics()
    {
        using var small = new CmsApiFactory().WithSetting("GraphQL:ResponseCache:MaxBytes", "4096");
        var measurements = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ResponseCache.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measurements)
            {
                measurements[instrument.Name] = measurements.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        using var client = await small.CacheReadyClientAsync();

        foreach (var slug in new[] { "battle-of-marathon", "fall-of-the-berlin-wall", "battle-of-leyte-gulf", "great-pyramid-of-giza", "battle-of-marathon" })
        {
            await GraphQLHttp.PostAsync(client, new { query = $"{{ article(slug: \"{slug}\") {{ slug title summary sections {{ body }} }} }}" });
        }

        // Compaction runs in the background after an insert goes over the limit; on a busy machine it may take a moment,
        // and an insert may land after one compaction and before the next.
        for (var wait = 0; wait < 100 && (Cache(small).Statistics.Evictions == 0 || Cache(small).Statistics.Bytes > 4096); wait++)
        {
            await Task.Delay(50);
        }

        listener.RecordObservableInstruments();
        var statistics = Cache(small).Statistics;

        Assert.True(statistics.Evictions >= 1, $"{statistics}");
        Assert.True(statistics.Bytes <= 4096, $"{statistics}");
        Assert.True(measurements.GetValueOrDefault("graphql.response_cache.misses") >= 4);
        Assert.True(measurements.GetValueOrDefault("graphql.response_cache.evictions") >= 1);
        Assert.True(measurements.ContainsKey("graphql.response_cache.size"));
    }

    [Fact]
    public async Task Switched_off_every_request_executes()
    {
        using var off = new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false");
        using var client = off.CreateClient();

        await GraphQLHttp.PostAsync(client, new { query = Query });
        await GraphQLHttp.PostAsync(client, new { query = Query });

        Assert.Equal(0, Cache(off).Statistics.Hits);
        Assert.False(Cache(off).IsUsable);
    }

    private static ResponseCache Cache(CmsApiFactory api) => api.Services.GetRequiredService<ResponseCache>();

    /// <summary>Two app instances on one SQLite file, polling every second: a publisher on the first, a reader on the second.</summary>
    private sealed class TwoInstances : IDisposable
    {
        private TwoInstances(CmsApiFactory first, CmsApiFactory second)
        {
            First = first;
            Second = second;
        }

        public CmsApiFactory First { get; }

        public CmsApiFactory Second { get; }

        public HttpClient Publisher { get; private set; } = null!;

        public HttpClient Reader { get; private set; } = null!;

        public static async Task<TwoInstances> StartAsync()
        {
            var database = Path.Combine(Path.GetTempPath(), $"cms-cache-instances-{Guid.NewGuid():N}.db");
            var instances = new TwoInstances(
                CmsApiFactory.OnDatabase(database).WithSetting("GraphQL:ResponseCache:PollInterval", "00:00:01"),
                CmsApiFactory.OnDatabase(database).WithSetting("GraphQL:ResponseCache:PollInterval", "00:00:01"));
            instances.First.DeleteDatabaseOnDispose = false;
            instances.Publisher = instances.First.CreateClient();
            instances.Publisher.DefaultRequestHeaders.Add("X-Api-Key", await instances.First.CreateApiKeyAsync(Role.Publisher));
            instances.Reader = await instances.Second.CacheReadyClientAsync();
            return instances;
        }

        public void Dispose()
        {
            Publisher.Dispose();
            Reader.Dispose();
            First.Dispose();
            Second.Dispose();
        }
    }

    /// <summary>Statements that read content (the background polls for content changes and schedules do not count).</summary>
    private int SqlStatements() =>
        _sql.Statements().Count(sql => sql.Contains("\"Articles\"", StringComparison.Ordinal) || sql.Contains("\"ArticleVersions\"", StringComparison.Ordinal));
}

namespace Cms.Benchmarks.Harness;

/// <summary>Published articles of five ~1 KB sections, loaded through the API as an editor's client would.</summary>
internal static class ArticleLoader
{
    /// <summary>Creates and publishes articles in batches of aliased mutations (inputs as variables); returns their slugs.</summary>
    public static async Task<List<string>> LoadAsync(Uri url, string adminKey, int count)
    {
        const int BatchSize = 8;
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
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
            var created = await GraphQLClient.DataAsync(client, url, $"mutation Load({declarations}) {{ {creates} }}", variables);
            var ids = batch.Select(i => created[$"a{i}"]!["article"]!["id"]!.GetValue<string>()).ToList();
            var publishes = string.Concat(ids.Select((id, n) => $$"""p{{n}}: publishArticle(input: { id: "{{id}}" }) { errors { __typename } } """));
            await GraphQLClient.DataAsync(client, url, $"mutation {{ {publishes} }}", null);
            slugs.AddRange(batch.Select(i => $"event-{i:D5}"));
        }

        return slugs;
    }
}

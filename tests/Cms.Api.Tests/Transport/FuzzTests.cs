using System.Text;
using System.Text.Json;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// Thousands of random and mutated requests, from a fixed seed so that any failure reproduces: the server
/// must answer every one with less than 500 and still serve a normal query afterwards.
/// </summary>
public sealed class FuzzTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const int Seed = 20261125;

    private static readonly string[] SeedDocuments =
    [
        "{ article(slug: \"battle-of-marathon\") { title historicalDate { display start { year } } sections { key body } } }",
        "query($n: Int, $after: String) { articles(first: $n, after: $after) { edges { cursor node { slug tags keyFacts } } pageInfo { hasNextPage } totalCount } }",
        "query A { ...F } fragment F on Query { articles { items { slug places { name latitude } } } }",
        "{ __schema { types { name fields { name args { name } } } } }",
        "mutation { __typename }",
        "{ a: article(slug: \"x\") { id } b: article(slug: \"y\") { ... on Article { slug } } }",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "@", "!", "=", "...", "|", "&", "\"", "\"\"\"", "#", ",", "\n", " ",
        "query", "mutation", "subscription", "fragment", "on", "article", "articles", "slug", "first", "after", "__typename",
        "__schema", "null", "true", "1", "-1", "1e999", "99999999999999999999", "\"\\u0000\"", "\\", "\u00e9", "\ud83c\udfc3",
    ];

    [Fact]
    public async Task Random_and_mutated_requests_never_get_a_5xx_and_the_server_stays_up()
    {
        var random = new Random(Seed);
        var requests = Enumerable.Range(0, 3000).Select(i => MakeRequest(random, i)).ToList();
        using var client = api.CreateClient();
        var failures = new List<string>();

        foreach (var batch in requests.Chunk(16))
        {
            var statuses = await Task.WhenAll(batch.Select(request => SendAsync(client, request)));
            failures.AddRange(batch.Zip(statuses).Where(p => p.Second >= 500).Select(p => $"{p.Second}: {p.First.Describe()}"));
        }

        Assert.Empty(failures);
        var healthy = await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-marathon\") { slug } }" });
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", healthy.Body!["data"]!.ToJsonString());
    }

    private static FuzzRequest MakeRequest(Random random, int index) => (index % 6) switch
    {
        0 or 1 or 2 => FuzzRequest.Json(Mutate(random, SeedDocuments[random.Next(SeedDocuments.Length)]), RandomVariables(random)),
        3 => FuzzRequest.Json(TokenSoup(random), null),
        4 => FuzzRequest.Get(Mutate(random, SeedDocuments[random.Next(SeedDocuments.Length)])),
        _ => FuzzRequest.Raw(RandomBody(random)),
    };

    private static string Mutate(Random random, string document)
    {
        var text = new StringBuilder(document);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 40), text.Length - at);
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 3:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    text.Insert(at, string.Concat(Enumerable.Repeat("{ a ", random.Next(1, 200))));
                    break;
            }
        }

        return text.ToString();
    }

    private static string TokenSoup(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 300)).Select(_ => Tokens[random.Next(Tokens.Length)]));

    private static Dictionary<string, object?>? RandomVariables(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => new Dictionary<string, object?> { ["n"] = random.Next(-1000, 1000), ["after"] = TokenSoup(random) },
        2 => new Dictionary<string, object?> { ["n"] = "not a number", ["x"] = new[] { 1, 2, 3 } },
        _ => new Dictionary<string, object?> { ["n"] = long.MaxValue, ["after"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"a1:{random.Next()}:x")) },
    };

    private static byte[] RandomBody(Random random)
    {
        var bytes = new byte[random.Next(0, 2000)];
        random.NextBytes(bytes);
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    private static async Task<int> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    private sealed record FuzzRequest(HttpMethod Method, string Target, byte[]? Body)
    {
        public static FuzzRequest Json(string query, object? variables) =>
            new(HttpMethod.Post, "/graphql", JsonSerializer.SerializeToUtf8Bytes(new { query, variables }));

        public static FuzzRequest Get(string query) => new(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query), null);

        public static FuzzRequest Raw(byte[] body) => new(HttpMethod.Post, "/graphql", body);

        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(Method, Target);
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Body);
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }

            message.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
            return message;
        }

        public string Describe() => $"{Method} {Target[..Math.Min(Target.Length, 200)]} {(Body is null ? string.Empty : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)))}";
    }
}

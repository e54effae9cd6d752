using System.Text;
using System.Text.Json;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// Thousands of random and mutated requests, from a fixed seed so that any failure reproduces: the server
/// must answer every one with less than 500 and still serve a normal query afterwards.
/// </summary>
public sealed class FuzzTests(FuzzTests.UnlimitedApi api) : IClassFixture<FuzzTests.UnlimitedApi>
{
    private const int Seed = 20261125;

    private static readonly string[] SeedDocuments =
    [
        "{ article(slug: \"battle-of-marathon\") { title historicalDate { display start { year } } sections { key body } } }",
        "query($n: Int, $after: String) { articles(first: $n, after: $after) { edges { cursor node { slug tags { slug label } keyFacts } } pageInfo { hasNextPage } totalCount } }",
        "query A { ...F } fragment F on Query { articles { items { slug places { name latitude } } } }",
        "{ __schema { types { name fields { name args { name } } } } }",
        "mutation { __typename }",
        "{ a: article(slug: \"x\") { id } b: article(slug: \"y\") { ... on Article { slug } } }",
    ];

    /// <summary>
    /// Every line terminator GraphQL knows (\n, \r, \r\n) and the ones it does not (Unicode line and paragraph separators,
    /// NEL, vertical tab, form feed), lone surrogates, NUL and a byte-order mark, which the grammar allows only at the start.
    /// </summary>
    private static readonly string[] OddCharacters =
        ["\r", "\n", "\r\n", "\n\r", "\u2028", "\u2029", "\u0085", "\v", "\f", "\ud800", "\udc00", "\udc00\ud800", "\0", "\ufeff"];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "@", "!", "=", "...", "|", "&", "\"", "\"\"\"", "#", ",", "\n", " ",
        "query", "mutation", "subscription", "fragment", "on", "article", "articles", "slug", "first", "after", "__typename",
        "__schema", "null", "true", "1", "-1", "1e999", "99999999999999999999", "\"\\u0000\"", "\\", "\u00e9", "\ud83c\udfc3",
        .. OddCharacters,
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
        Assert.True(healthy.Status == 200, healthy.Text);
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", healthy.Body!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_seed_document_cut_at_every_position_is_answered_below_500_by_post_and_get()
    {
        var requests = SeedDocuments
            .SelectMany(document => Enumerable.Range(0, document.Length).Select(length => document[..length]))
            .SelectMany(cut => new[] { FuzzRequest.Json(cut, null), FuzzRequest.Get(cut) });

        await AssertAllAnsweredBelow500Async(requests);
    }

    [Fact]
    public async Task Odd_characters_anywhere_in_a_document_are_answered_below_500_by_post_get_and_raw_utf8()
    {
        var requests =
            from document in SeedDocuments
            from character in OddCharacters
            from position in Enumerable.Range(0, document.Length / 5).Select(i => i * 5)
            let text = document.Insert(position, character)
            from request in new[] { FuzzRequest.Json(text, null), FuzzRequest.JsonWithRawText(text), FuzzRequest.Get(text) }
            select request;

        await AssertAllAnsweredBelow500Async(requests);
    }

    private async Task AssertAllAnsweredBelow500Async(IEnumerable<FuzzRequest> requests)
    {
        using var client = api.CreateClient();
        var failures = new List<string>();
        var count = 0;
        foreach (var batch in requests.Chunk(16))
        {
            var answers = await Task.WhenAll(batch.Select(request => AnswerAsync(client, request)));
            failures.AddRange(batch.Zip(answers).Where(p => p.Second.IsServerFault).Select(p => $"{p.Second}: {p.First.Describe()}"));
            count += batch.Length;
        }

        Assert.True(count > 500, $"Only {count} requests were sent.");
        Assert.Empty(failures);
        var healthy = await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-marathon\") { slug } }" });
        Assert.True(healthy.Status == 200, healthy.Text);
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

    /// <summary>The status and whether the answer is a fault of the server: a 5xx, or an internal error inside a 200.</summary>
    private static async Task<Answer> AnswerAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, body.Contains("INTERNAL_SERVER_ERROR", StringComparison.Ordinal));
    }

    private sealed record Answer(int Status, bool InternalError)
    {
        public bool IsServerFault => Status >= 500 || InternalError;
    }

    private static async Task<int> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    /// <summary>The real application without its anonymous rate limit, so that every fuzzed request reaches validation and execution.</summary>
    public sealed class UnlimitedApi : CmsApiFactory
    {
        public UnlimitedApi() => WithSetting("RateLimits:AnonymousQueriesPerMinute", "0");
    }

    private sealed record FuzzRequest(HttpMethod Method, string Target, byte[]? Body)
    {
        public static FuzzRequest Json(string query, object? variables) =>
            new(HttpMethod.Post, "/graphql", JsonSerializer.SerializeToUtf8Bytes(new { query, variables }));

        public static FuzzRequest Get(string query) => new(HttpMethod.Get, "/graphql?query=" + PercentEncode(query), null);

        /// <summary>A JSON body whose query string holds the text as raw UTF-8, lone surrogates as their three bytes (invalid UTF-8).</summary>
        public static FuzzRequest JsonWithRawText(string query)
        {
            var body = new List<byte>(Encoding.UTF8.GetBytes("{\"query\":\""));
            foreach (var rune in CodeUnits(query))
            {
                body.AddRange(rune switch
                {
                    '"' or '\\' => [(byte)'\\', (byte)rune],
                    < ' ' => Encoding.UTF8.GetBytes($"\\u{rune:x4}"),
                    _ => Utf8(rune),
                });
            }

            body.AddRange("\"}"u8.ToArray());
            return new(HttpMethod.Post, "/graphql", [.. body]);
        }

        /// <summary>Percent-encodes UTF-8, and a lone surrogate as its three bytes, which Uri.EscapeDataString refuses to do.</summary>
        private static string PercentEncode(string text) =>
            string.Concat(CodeUnits(text).SelectMany(Utf8).Select(b => (char)b is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? ((char)b).ToString() : $"%{b:X2}"));

        /// <summary>Code points, with each lone surrogate kept as a value of its own.</summary>
        private static IEnumerable<int> CodeUnits(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    yield return char.ConvertToUtf32(text[i], text[i + 1]);
                    i++;
                }
                else
                {
                    yield return text[i];
                }
            }
        }

        /// <summary>UTF-8 bytes of a code point, surrogates included (the encoding UTF-8 forbids for them).</summary>
        private static byte[] Utf8(int codePoint) => codePoint switch
        {
            < 0x80 => [(byte)codePoint],
            < 0x800 => [(byte)(0xC0 | (codePoint >> 6)), (byte)(0x80 | (codePoint & 0x3F))],
            < 0x10000 => [(byte)(0xE0 | (codePoint >> 12)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
            _ => [(byte)(0xF0 | (codePoint >> 18)), (byte)(0x80 | ((codePoint >> 12) & 0x3F)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
        };

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

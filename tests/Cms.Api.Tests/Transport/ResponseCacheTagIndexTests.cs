using Cms.Api.Transport;
using Microsoft.Extensions.Options;

namespace Cms.Api.Tests.Transport;

/// <summary>The cache's tag index: a drop takes the answers carrying a named tag, those of unknown reads, and no others.</summary>
public sealed class ResponseCacheTagIndexTests : IDisposable
{
    private readonly ResponseCache _cache = new(Options.Create(new GraphQLHttpOptions()));

    public ResponseCacheTagIndexTests() => _cache.Start();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void A_drop_takes_the_answers_carrying_a_named_tag_and_those_of_unknown_reads()
    {
        Store("marathon", "article:1", "slug:marathon");
        Store("leyte", "article:2");
        Store("list", "articles");
        Store("unknown", AnswerTagSet.Everything);

        _cache.Invalidate(["article:1", "articles"]);

        Assert.Equal(["leyte"], Cached("marathon", "leyte", "list", "unknown"));
    }

    [Fact]
    public void Everything_drops_every_answer_and_no_tags_drop_nothing()
    {
        Store("marathon", "article:1");
        Store("leyte", "article:2");

        _cache.Invalidate([]);
        var afterNothing = Cached("marathon", "leyte");
        _cache.Invalidate([AnswerTagSet.Everything]);

        Assert.Equal(["marathon", "leyte"], afterNothing);
        Assert.Empty(Cached("marathon", "leyte"));
    }

    [Fact]
    public void An_answer_stored_again_under_a_dropped_key_is_dropped_by_its_own_tags_only()
    {
        Store("key", "article:1");
        _cache.Invalidate(["article:1"]);
        Store("key", "article:2");

        _cache.Invalidate(["article:1"]);
        var afterOldTag = Cached("key");
        _cache.Invalidate(["article:2"]);

        Assert.Equal(["key"], afterOldTag);
        Assert.Empty(Cached("key"));
    }

    private void Store(string key, params string[] tags) =>
        Assert.True(_cache.Store(key, new CachedResponse([1], "\"e\"", null), _cache.Generation, tags));

    private List<string> Cached(params string[] keys) => [.. keys.Where(key => _cache.TryGet(key, out _))];
}

using Cms.Api.Tests.Infrastructure;
using Cms.Api.Transport;
using Cms.Model.Delivery;
using Cms.Model.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// A change drops only the cached answers that read what it changed: the article's own, the lists when what is published
/// changed, and those showing a changed asset; everything else is still answered from memory, without SQL.
/// </summary>
public sealed class ResponseCacheTagTests : IDisposable
{
    private const string Marathon = "{ article(slug: \"battle-of-marathon\") { slug title media { asset { altText } } } }";
    private const string LeyteGulf = "{ article(slug: \"battle-of-leyte-gulf\") { slug title } }";
    private const string Newest = "{ articles(first: 3) { edges { node { slug title } } } }";

    private readonly SqlCommandLog _sql = new();
    private readonly CmsApiFactory _api;

    public ResponseCacheTagTests() => _api = _sql.AttachTo(new CmsApiFactory());

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Unpublishing_one_article_drops_its_answers_and_the_lists_and_leaves_other_articles_answered_from_memory()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var publisher = await ClientAsync(Role.Publisher);
        var (id, _) = await DraftOfAsync(publisher, "battle-of-marathon");
        foreach (var query in new[] { Marathon, LeyteGulf, Newest })
        {
            await GraphQLHttp.PostAsync(reader, new { query });
        }

        await MutateAsync(publisher, $"unpublishArticle(input: {{ id: \"{id}\" }})");

        var (other, otherStatements) = await ReadAsync(reader, LeyteGulf);
        var (changed, changedStatements) = await ReadAsync(reader, Marathon);
        var (list, listStatements) = await ReadAsync(reader, Newest);
        Assert.NotNull(other.Body!["data"]!["article"]);
        Assert.Equal(0, otherStatements);
        Assert.Null(changed.Body!["data"]!["article"]);
        Assert.True(changedStatements > 0, "The changed article's answer was served from memory.");
        Assert.DoesNotContain("battle-of-marathon", list.Text, StringComparison.Ordinal);
        Assert.True(listStatements > 0, "The list's answer was served from memory.");
    }

    [Fact]
    public async Task A_draft_save_keeps_every_cached_answer_and_publishing_it_drops_the_article_and_the_lists()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var publisher = await ClientAsync(Role.Publisher);
        var (id, latest) = await DraftOfAsync(publisher, "battle-of-marathon");
        await GraphQLHttp.PostAsync(reader, new { query = Newest });
        await GraphQLHttp.PostAsync(reader, new { query = Marathon });

        await MutateAsync(publisher, $"updateArticle(input: {{ id: \"{id}\", expectedVersion: {latest}, title: \"The Battle of Marathon, retold\" }})");
        var (listAfterSave, listStatementsAfterSave) = await ReadAsync(reader, Newest);
        var (articleAfterSave, articleStatementsAfterSave) = await ReadAsync(reader, Marathon);
        await MutateAsync(publisher, $"publishArticle(input: {{ id: \"{id}\" }})");
        var (articleAfterPublish, articleStatementsAfterPublish) = await ReadAsync(reader, Marathon);
        var (_, listStatementsAfterPublish) = await ReadAsync(reader, Newest);

        Assert.Equal(0, listStatementsAfterSave);
        Assert.Equal(0, articleStatementsAfterSave);
        Assert.DoesNotContain("retold", listAfterSave.Text + articleAfterSave.Text, StringComparison.Ordinal);
        Assert.Contains("retold", articleAfterPublish.Text, StringComparison.Ordinal);
        Assert.True(articleStatementsAfterPublish > 0);
        Assert.True(listStatementsAfterPublish > 0);
    }

    [Fact]
    public async Task Editing_an_asset_drops_the_answers_that_show_it_and_no_others()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var editor = await ClientAsync(Role.Editor);
        var first = await GraphQLHttp.PostAsync(reader, new { query = Marathon });
        await GraphQLHttp.PostAsync(reader, new { query = LeyteGulf });
        var assetId = (await GraphQLHttp.PostAsync(editor, new { query = "{ article(slug: \"battle-of-marathon\") { media { assetId } } }" }))
            .Body!["data"]!["article"]!["media"]![0]!["assetId"]!.GetValue<string>();

        await MutateAsync(editor, $"updateMediaAsset(input: {{ id: \"{assetId}\", altText: \"The plain of Marathon at dawn\" }})");

        var (shown, shownStatements) = await ReadAsync(reader, Marathon);
        var (_, otherStatements) = await ReadAsync(reader, LeyteGulf);
        Assert.DoesNotContain("at dawn", first.Text, StringComparison.Ordinal);
        Assert.Contains("at dawn", shown.Text, StringComparison.Ordinal);
        Assert.True(shownStatements > 0);
        Assert.Equal(0, otherStatements);
    }

    [Fact]
    public async Task An_answer_with_a_root_field_that_names_nothing_it_read_is_dropped_by_any_change()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var publisher = await ClientAsync(Role.Publisher);
        var (id, _) = await DraftOfAsync(publisher, "battle-of-leyte-gulf");
        var nodeId = id;
        var node = $"{{ node(id: \"{nodeId}\") {{ id }} }}";
        await GraphQLHttp.PostAsync(reader, new { query = node });
        await GraphQLHttp.PostAsync(reader, new { query = Marathon });
        var (marathonId, _) = await DraftOfAsync(publisher, "battle-of-marathon");

        await MutateAsync(publisher, $"unpublishArticle(input: {{ id: \"{marathonId}\" }})");

        var (_, nodeStatements) = await ReadAsync(reader, node);
        Assert.True(nodeStatements > 0, "An answer of an untagged root field outlived a change.");
    }

    [Fact]
    public async Task A_get_answer_names_its_tags_for_a_cdn_in_the_configured_header()
    {
        using var reader = await _api.CacheReadyClientAsync();
        using var publisher = await ClientAsync(Role.Publisher);
        var (id, _) = await DraftOfAsync(publisher, "battle-of-marathon");
        using var fastly = new CmsApiFactory().WithSetting("GraphQL:ResponseCache:TagHeader", "Surrogate-Key");
        using var fastlyReader = fastly.CreateClient();

        var answer = await GraphQLHttp.GetAsync(reader, new Dictionary<string, string?> { ["query"] = Marathon });
        var tags = answer.Headers.GetValues("Cache-Tag").Single().Split(',');
        var fastlyAnswer = await GraphQLHttp.GetAsync(fastlyReader, new Dictionary<string, string?> { ["query"] = LeyteGulf });

        // The tags a publish of this article names in its webhook event's data.purgeTags (AnswerTagsTests).
        Assert.Contains(AnswerTags.Slug("battle-of-marathon"), tags);
        Assert.Contains(AnswerTags.Article(Guid.Parse(ArticleKey(id))), tags);
        Assert.Contains(tags, tag => tag.StartsWith("asset:", StringComparison.Ordinal));
        Assert.DoesNotContain(AnswerTagSet.Everything, tags);
        Assert.Contains(" ", fastlyAnswer.Headers.GetValues("Surrogate-Key").Single(), StringComparison.Ordinal);
        Assert.False(fastlyAnswer.Headers.Contains("Cache-Tag"));
    }

    private async Task<(GraphQLResponse Response, int Statements)> ReadAsync(HttpClient reader, string query)
    {
        var before = ContentStatements();
        var response = await GraphQLHttp.PostAsync(reader, new { query });
        return (response, ContentStatements() - before);
    }

    private static async Task<(string Id, int LatestVersion)> DraftOfAsync(HttpClient client, string slug)
    {
        var article = (await GraphQLHttp.PostAsync(client, new { query = $"{{ article(slug: \"{slug}\", stage: DRAFT) {{ id latestVersionNumber }} }}" })).Body!["data"]!["article"]!;
        return (article["id"]!.GetValue<string>(), article["latestVersionNumber"]!.GetValue<int>());
    }

    /// <summary>The article's key from its global id, base64("Article:key").</summary>
    private static string ArticleKey(string globalId) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':', 2)[1];

    private static async Task MutateAsync(HttpClient client, string call)
    {
        var response = await GraphQLHttp.PostAsync(client, new { query = $"mutation {{ result: {call} {{ errors {{ __typename }} }} }}" });
        Assert.Null(response.Body!["errors"]);
        Assert.Empty(response.Body!["data"]!["result"]!["errors"]!.AsArray());
    }

    private async Task<HttpClient> ClientAsync(Role role)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(role));
        return client;
    }

    /// <summary>Statements that read content (the background polls for changes and schedules do not count).</summary>
    private int ContentStatements() =>
        _sql.Statements().Count(sql => sql.Contains("\"Articles\"", StringComparison.Ordinal) || sql.Contains("\"ArticleVersions\"", StringComparison.Ordinal) || sql.Contains("\"MediaAssets\"", StringComparison.Ordinal));
}

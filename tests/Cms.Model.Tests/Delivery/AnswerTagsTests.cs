using Cms.Model.Delivery;
using Cms.Model.Events;

namespace Cms.Model.Tests.Delivery;

/// <summary>Which cached answers each kind of change makes stale.</summary>
public sealed class AnswerTagsTests
{
    private static readonly DateTime At = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid ArticleId = Guid.NewGuid();
    private static readonly Guid AssetId = Guid.NewGuid();

    [Theory]
    [InlineData(ChangeEventTypes.ArticleCreated)]
    [InlineData(ChangeEventTypes.ArticleUpdated)]
    [InlineData(ChangeEventTypes.ArticleScheduled)]
    [InlineData(ChangeEventTypes.ArticleScheduleCancelled)]
    public void What_readers_without_credentials_never_see_makes_nothing_stale(string type)
    {
        Assert.Empty(AnswerTags.StaleAfter(ChangeEvent.ForArticle(type, ArticleId, "marathon", 2, "writer", At)));
    }

    [Theory]
    [InlineData(ChangeEventTypes.ArticlePublished)]
    [InlineData(ChangeEventTypes.ArticleUnpublished)]
    [InlineData(ChangeEventTypes.ArticleArchived)]
    [InlineData(ChangeEventTypes.ArticleDeleted)]
    public void A_change_of_what_is_published_names_the_article_its_slug_and_every_list(string type)
    {
        var tags = AnswerTags.StaleAfter(ChangeEvent.ForArticle(type, ArticleId, "marathon", 2, "publisher", At));

        Assert.Equal(
            new[] { AnswerTags.Article(ArticleId), AnswerTags.ArticleLists, AnswerTags.Slug("marathon") }.Order(),
            tags.Order());
    }

    [Fact]
    public void A_slug_change_names_the_old_slug_and_the_new()
    {
        var tags = AnswerTags.StaleAfter(ChangeEvent.ForArticle(ChangeEventTypes.ArticleSlugChanged, ArticleId, "battle-of-marathon", 2, "publisher", At, previousSlug: "marathon"));

        Assert.Contains(AnswerTags.Slug("marathon"), tags);
        Assert.Contains(AnswerTags.Slug("battle-of-marathon"), tags);
        Assert.Contains(AnswerTags.Article(ArticleId), tags);
    }

    [Fact]
    public void An_asset_change_names_the_asset_and_a_new_asset_nothing()
    {
        Assert.Equal([AnswerTags.Asset(AssetId)], AnswerTags.StaleAfter(ChangeEvent.ForAsset(ChangeEventTypes.MediaUpdated, AssetId, "editor", At)));
        Assert.Equal([AnswerTags.Asset(AssetId)], AnswerTags.StaleAfter(ChangeEvent.ForAsset(ChangeEventTypes.MediaDeleted, AssetId, "editor", At)));
        Assert.Empty(AnswerTags.StaleAfter(ChangeEvent.ForAsset(ChangeEventTypes.MediaCreated, AssetId, "editor", At)));
    }

    [Fact]
    public void Every_event_type_is_mapped_so_none_falls_to_everything()
    {
        foreach (var type in ChangeEventTypes.All)
        {
            var change = type.StartsWith("media.", StringComparison.Ordinal)
                ? ChangeEvent.ForAsset(type, AssetId, "editor", At)
                : ChangeEvent.ForArticle(type, ArticleId, "marathon", 1, "editor", At);
            Assert.DoesNotContain(AnswerTags.Unknown, AnswerTags.StaleAfter(change));
        }
    }
}

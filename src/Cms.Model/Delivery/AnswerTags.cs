using Cms.Model.Events;

namespace Cms.Model.Delivery;

/// <summary>
/// The names of what a published answer read, shared by the resolvers that record them on the answer and by the change
/// feed that names the answers a change made stale. An answer about one article carries that article's tags; a list (of
/// articles, search results, a day's events, tag and place counts) carries <see cref="ArticleLists"/>; one that read an
/// asset carries the asset's tag. A change drops the answers carrying any tag it names, and only those.
/// </summary>
public static class AnswerTags
{
    /// <summary>Every list of published articles: a publish, unpublish or slug change of any article can change it.</summary>
    public const string ArticleLists = "articles";

    /// <summary>An answer whose reads are not known: every change drops it.</summary>
    public const string Unknown = "*";

    public static string Article(Guid id) => $"article:{id:N}";

    /// <summary>An answer looked up by this slug, found or not (a publish under the slug must drop the "not found").</summary>
    public static string Slug(string slug) => $"slug:{slug}";

    public static string Asset(Guid id) => $"asset:{id:N}";

    /// <summary>
    /// The tags of the answers <paramref name="change"/> made stale. Saving a draft, scheduling and creating change nothing a
    /// reader without credentials sees, so they name none; a change of what is published names the article, its slugs
    /// and every list; an asset's change names the asset. (The media library's lists need credentials, so no cached
    /// answer holds one, and a new asset makes nothing stale.)
    /// </summary>
    public static IReadOnlyList<string> StaleAfter(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        switch (change.Type)
        {
            case ChangeEventTypes.ArticleCreated or ChangeEventTypes.ArticleUpdated or ChangeEventTypes.ArticleScheduled or ChangeEventTypes.ArticleScheduleCancelled:
                return [];
            case ChangeEventTypes.ArticlePublished or ChangeEventTypes.ArticleUnpublished or ChangeEventTypes.ArticleSlugChanged or ChangeEventTypes.ArticleArchived or ChangeEventTypes.ArticleDeleted when change.ArticleId is { } article:
                List<string> tags = [Article(article), ArticleLists];
                if (change.Slug is { } slug)
                {
                    tags.Add(Slug(slug));
                }

                if (change.PreviousSlug is { } previous)
                {
                    tags.Add(Slug(previous));
                }

                return tags;
            case ChangeEventTypes.MediaCreated:
                return [];
            case ChangeEventTypes.MediaUpdated or ChangeEventTypes.MediaDeleted when change.AssetId is { } asset:
                return [Asset(asset)];
            default:
                return [Unknown];
        }
    }
}

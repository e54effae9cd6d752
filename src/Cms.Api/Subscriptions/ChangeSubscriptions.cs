using Cms.Api.Articles;
using Cms.Api.Common;
using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Model.Events;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Subscriptions;

/// <summary>
/// <c>articleChanged</c> and <c>mediaAssetChanged</c>: the outbox's events as they are committed on any instance, filtered
/// by what the subscriber asked for and may see (readers: publications only).
/// </summary>
public sealed class ChangeSubscriptions(ChangeFeed feed) : ISubscriptionFields
{
    /// <summary>What a reader without the viewer role hears of: what changes the published site.</summary>
    public static readonly IReadOnlySet<string> PublicTypes = new HashSet<string>(StringComparer.Ordinal) { ChangeEventTypes.ArticlePublished, ChangeEventTypes.ArticleUnpublished };

    public void AddTo(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        subscription.Field<NonNullGraphType<ArticleChangeEventGraphType>>("articleChanged")
            .Description("Changes to articles from now on: one article (id or slug, current or former) or all, of the given types or all. Readers without the viewer role receive PUBLISHED and UNPUBLISHED only.")
            .Argument<IdGraphType>("id", "Only this article.")
            .Argument<StringGraphType>("slug", "Only the article with this slug (before or after a slug change).")
            .Argument<ListGraphType<NonNullGraphType<ArticleChangeTypeGraphType>>>("types", "Only these changes.")
            .Public()
            .ResolveStream(context =>
            {
                var id = context.GetArgument<string?>("id");
                var articleId = id is null ? (Guid?)null : ArticleIds.TryParse(id) ?? throw ApiErrors.BadUserInput("id is not an article's id.");
                var slug = context.GetArgument<string?>("slug");
                var types = context.GetArgument<List<string>?>("types")?.ToHashSet(StringComparer.Ordinal);
                var mayReadDrafts = context.User.GetRole() >= Role.Viewer;
                return new FilteredChanges(feed, change =>
                    change.ArticleId is { } changed &&
                    (articleId is null || changed == articleId) &&
                    (slug is null || change.Slug == slug || change.PreviousSlug == slug) &&
                    (types is null || types.Contains(change.Type)) &&
                    (mayReadDrafts || PublicTypes.Contains(change.Type)));
            });

        subscription.Field<NonNullGraphType<MediaAssetChangeEventGraphType>>("mediaAssetChanged")
            .Description("Changes to media assets from now on: one asset or all, of the given types or all.")
            .Argument<IdGraphType>("id", "Only this asset.")
            .Argument<ListGraphType<NonNullGraphType<MediaAssetChangeTypeGraphType>>>("types", "Only these changes.")
            .RequireRole(Role.Viewer)
            .ResolveStream(context =>
            {
                var id = context.GetArgument<string?>("id");
                var assetId = id is null ? (Guid?)null : MediaAssetIds.TryParse(id) ?? throw ApiErrors.BadUserInput("id is not a media asset's id.");
                var types = context.GetArgument<List<string>?>("types")?.ToHashSet(StringComparer.Ordinal);
                return new FilteredChanges(feed, change =>
                    change.AssetId is { } changed && (assetId is null || changed == assetId) && (types is null || types.Contains(change.Type)));
            });
    }
}

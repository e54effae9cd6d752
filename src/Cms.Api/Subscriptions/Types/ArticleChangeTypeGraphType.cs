using Cms.Model.Events;
using GraphQL.Types;

namespace Cms.Api.Subscriptions;

/// <summary>The article events as an enum without their prefix: <c>article.slug_changed</c> is <c>SLUG_CHANGED</c>.</summary>
public sealed class ArticleChangeTypeGraphType : EnumerationGraphType
{
    public const string Prefix = "article.";

    public ArticleChangeTypeGraphType()
    {
        Name = "ArticleChangeType";
        Description = "What happened to an article. Readers without the viewer role receive PUBLISHED and UNPUBLISHED only.";
        foreach (var type in ChangeEventTypes.All.Where(t => t.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            Add(type[Prefix.Length..].ToUpperInvariant(), type, $"`{type}`");
        }
    }
}

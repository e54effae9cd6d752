using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL;

namespace Cms.Api.Articles;

/// <summary><c>node(id:)</c> for an article: its published version, as <c>article(id:)</c> gives it to everyone.</summary>
internal sealed class ArticleNodeResolver(ArticleLists lists) : INodeResolver
{
    public string TypeName => ArticleGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var views = await lists.PublishedByIdsAsync(keys, ArticleGraphType.PartsFor(Selections.FieldNamesAt(context)), context.CancellationToken);
        return views.ToDictionary(v => v.Article.Id, v => (object)v);
    }
}

using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Persistence;
using Cms.Model.Security;
using GraphQL;

namespace Cms.Api.Articles;

/// <summary><c>node(id:)</c> for an article: its published version, as <c>article(id:)</c> gives it to everyone.</summary>
internal sealed class ArticleNodeResolver : INodeResolver
{
    public string TypeName => ArticleGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var lists = context.RequestServices!.GetRequiredService<ArticleLists>();
        var views = await lists.PublishedByIdsAsync(keys, ArticleGraphType.PartsFor(Selections.FieldNamesAt(context)), context.CancellationToken);
        return views.ToDictionary(v => v.Article.Id, v => (object)v);
    }
}

/// <summary>
/// <c>node(id:)</c> for a version: readers see only a published one (as through <c>article</c>); a viewer or above sees
/// any version of an article that is not deleted (as through <c>article(version:)</c>).
/// </summary>
internal sealed class ArticleVersionNodeResolver : INodeResolver
{
    public string TypeName => ArticleVersionGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var lookup = context.RequestServices!.GetRequiredService<ArticleLookup>();
        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        var versions = await lookup.FindVersionsAsync(keys, anyVersion: context.User.GetRole() >= Role.Viewer, parts, context.CancellationToken);
        return versions.ToDictionary(v => v.Id, v => (object)v);
    }
}

using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;

namespace Cms.Api.Articles;

/// <summary>
/// <c>node(id:)</c> for a version: readers see only a published one (as through <c>article</c>); a viewer or above sees
/// any version of an article that is not deleted (as through <c>article(version:)</c>).
/// </summary>
internal sealed class ArticleVersionNodeResolver(ArticleLookup lookup) : INodeResolver
{
    public string TypeName => ArticleVersionGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        var versions = await lookup.FindVersionsAsync(keys, anyVersion: context.User.GetRole() >= Role.Viewer, parts, context.CancellationToken);
        return versions.ToDictionary(v => v.Id, v => (object)v);
    }
}

using Cms.Api.SchemaCore;

namespace Cms.Api.Articles;

/// <summary>Article ids as clients send them: the Relay global id this API issues, or the bare GUID.</summary>
public static class ArticleIds
{
    public static Guid? TryParse(string? id) => GlobalId.KeyOf(id, ArticleGraphType.TypeName);
}

using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>Every error an article mutation can report.</summary>
public sealed class ArticleErrorUnion : UnionGraphType
{
    public ArticleErrorUnion()
    {
        Name = "ArticleError";
        Description = "Why an article mutation did not happen.";
        this.Public();
        Type<ValidationErrorGraphType>();
        Type<SlugTakenErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<InvalidStateErrorGraphType>();
        Type<AltTextRequiredErrorGraphType>();
    }
}

using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleStatusGraphType : EnumerationGraphType<Model.Articles.ArticleStatus>
{
    public ArticleStatusGraphType()
    {
        Name = "ArticleStatus";
        Description = "DRAFT (never or no longer published), PUBLISHED, PUBLISHED_WITH_DRAFT (newer versions saved since publishing) or ARCHIVED.";
    }
}

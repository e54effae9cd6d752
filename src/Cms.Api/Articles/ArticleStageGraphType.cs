using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleStageGraphType : EnumerationGraphType<ArticleStage>
{
    public ArticleStageGraphType()
    {
        Name = "ArticleStage";
        Description = "Which version of an article to read: the published one, or the latest draft.";
    }
}

public sealed class ArticleStatusGraphType : EnumerationGraphType<Model.Articles.ArticleStatus>
{
    public ArticleStatusGraphType()
    {
        Name = "ArticleStatus";
        Description = "DRAFT (never or no longer published), PUBLISHED, PUBLISHED_WITH_DRAFT (newer versions saved since publishing) or ARCHIVED.";
    }
}

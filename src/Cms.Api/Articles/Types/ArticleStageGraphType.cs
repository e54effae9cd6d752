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

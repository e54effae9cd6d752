using Cms.Model.Articles;
using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleStatusOperationFilterInputGraphType : InputObjectGraphType<EnumFilter<ArticleStatus>>
{
    public ArticleStatusOperationFilterInputGraphType()
    {
        Name = "ArticleStatusOperationFilterInput";
        Field<ArticleStatusGraphType>("eq");
        Field<ArticleStatusGraphType>("neq");
        Field<ListGraphType<NonNullGraphType<ArticleStatusGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<ArticleStatusGraphType>>>("nin");
    }
}

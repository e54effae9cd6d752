using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticlePayload(Model.Delivery.ArticleView? article, IReadOnlyList<Model.Outcomes.EditError> errors)
{
    public Model.Delivery.ArticleView? Article { get; } = article;

    public IReadOnlyList<Model.Outcomes.EditError> Errors { get; } = errors;
}

public sealed class ArticlePayloadGraphType : ObjectGraphType<ArticlePayload>
{
    public ArticlePayloadGraphType()
    {
        Name = "ArticlePayload";
        Description = "The outcome of an article mutation: the article at its latest version, or why nothing happened.";
        this.Public();
        Field<ArticleGraphType>("article").Description("The article as it now is (its latest version); null when the mutation failed or purged it.").Resolve(ctx => ctx.Source.Article);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

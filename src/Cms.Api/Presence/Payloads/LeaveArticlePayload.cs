using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Presence;

/// <summary>The outcome of leaving an article.</summary>
public sealed record LeaveArticlePayload(string? SessionId, IReadOnlyList<EditError> Errors);

public sealed class LeaveArticlePayloadGraphType : ObjectGraphType<LeaveArticlePayload>
{
    public LeaveArticlePayloadGraphType()
    {
        Name = "LeaveArticlePayload";
        Description = "The outcome of leaving an article.";
        this.Public();
        Field<StringGraphType>("sessionId").Description("The session that left.").Resolve(ctx => ctx.Source.SessionId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

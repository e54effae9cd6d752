using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Presence;

/// <summary>The outcome of a presence report: who else has the article open, or why the report was refused.</summary>
public sealed record ReportArticlePresencePayload(IReadOnlyList<ArticleVisitor>? Others, IReadOnlyList<EditError> Errors);

public sealed class ReportArticlePresencePayloadGraphType : ObjectGraphType<ReportArticlePresencePayload>
{
    public ReportArticlePresencePayloadGraphType()
    {
        Name = "ReportArticlePresencePayload";
        Description = "Who else has the article open.";
        this.Public();
        Field<ListGraphType<NonNullGraphType<ArticleVisitorGraphType>>>("others")
            .Description("Everyone else with the article open now (other people, and this person's other tabs), longest open first.")
            .Resolve(ctx => ctx.Source.Others);
        Field<NonNullGraphType<IntGraphType>>("reportEverySeconds")
            .Description("How often to report while the article stays open.")
            .Resolve(_ => (int)PresenceBoard.ReportInterval.TotalSeconds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

using Cms.Api.Articles;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Presence;

public sealed record ReportArticlePresenceInput(string Id, string SessionId) : ArticleCommandInput(Id);

public sealed class ReportArticlePresenceInputGraphType : ArticleCommandInputGraphType<ReportArticlePresenceInput>
{
    public ReportArticlePresenceInputGraphType()
        : base("ReportArticlePresenceInput")
    {
        Field<NonNullGraphType<StringGraphType>>("sessionId")
            .Description($"Made by the client for one open editor (a browser tab), the same in every report; 1 to {ArticlePresence.MaxSessionIdLength} characters.");
    }
}

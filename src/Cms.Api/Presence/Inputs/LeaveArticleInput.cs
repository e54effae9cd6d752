using Cms.Api.Articles;
using GraphQL.Types;

namespace Cms.Api.Presence;

public sealed record LeaveArticleInput(string Id, string SessionId) : ArticleCommandInput(Id);

public sealed class LeaveArticleInputGraphType : ArticleCommandInputGraphType<LeaveArticleInput>
{
    public LeaveArticleInputGraphType()
        : base("LeaveArticleInput")
    {
        Field<NonNullGraphType<StringGraphType>>("sessionId").Description("The session id its reports gave.");
    }
}

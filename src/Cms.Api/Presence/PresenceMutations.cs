using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Presence;

/// <summary>An editor saying it has an article open (and hearing who else has), and saying it closed it.</summary>
public sealed class PresenceMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Mutation<ReportArticlePresenceInputGraphType, ReportArticlePresencePayloadGraphType>("reportArticlePresence", Role.Editor,
                $"Says this editor (one session, such as a browser tab) has the article open, and answers who else has. Report every {PresenceBoard.ReportInterval.TotalSeconds:0} seconds while open: a session unheard for {PresenceBoard.Lifetime.TotalSeconds:0} seconds is gone.")
            .Handle<ReportArticlePresenceInput, PresenceBoard>(async (input, board, context) =>
            {
                if (ArticleIds.TryParse(input.Id) is not { } articleId)
                {
                    return new ReportArticlePresencePayload(null, [new NotFoundError(ArticleGraphType.TypeName, input.Id)]);
                }

                var result = await board.ReportAsync(articleId, input.SessionId, context.Actor, context.CancellationToken);
                return new ReportArticlePresencePayload(result.Value, result.Errors);
            });

        mutation.Mutation<LeaveArticleInputGraphType, LeaveArticlePayloadGraphType>("leaveArticle", Role.Editor,
                "Says this session closed the article, so others stop seeing it at once (without it, after the presence lifetime).")
            .Handle<LeaveArticleInput, PresenceBoard>(async (input, board, context) =>
            {
                if (ArticleIds.TryParse(input.Id) is not { } articleId)
                {
                    return new LeaveArticlePayload(null, [new NotFoundError(ArticleGraphType.TypeName, input.Id)]);
                }

                var result = await board.LeaveAsync(articleId, input.SessionId, context.Actor, context.CancellationToken);
                return new LeaveArticlePayload(result.Value, result.Errors);
            });
    }
}

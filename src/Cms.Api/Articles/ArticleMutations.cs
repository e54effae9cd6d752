using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>
/// The editorial mutations, in the mutation-convention style: one input, a payload with the article and a list
/// of typed errors. Each maps its typed input to one <see cref="ArticleEditor"/> command, which is one transaction.
/// </summary>
public sealed class ArticleMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Add<CreateArticleInputGraphType, CreateArticleInput>(mutation, "createArticle", Role.Editor, "Creates an article as a draft with its version 1.", async (input, editor, actor, ct) =>
        {
            var content = input.ToChanges().ToNewContent();
            var result = await editor.CreateAsync(input.Slug ?? Slug.FromTitle(content.Title), content, actor, input.ChangeNote, ct);
            return (result.Value?.Id, result.Errors);
        });
        AddCommand<UpdateArticleInputGraphType, UpdateArticleInput, ArticleVersion>(mutation, "updateArticle", Role.Editor, "Saves version N+1 from version expectedVersion plus the given fields; omitted fields carry over.",
            (editor, id, input, actor, ct) => editor.SaveVersionAsync(id, input.ExpectedVersion, input.ToChanges(), actor, input.ChangeNote, ct));
        AddCommand<ChangeSlugInputGraphType, ChangeSlugInput>(mutation, "changeSlug", Role.Publisher, "Changes the slug; the old slug keeps working in delivery, marked as redirected.",
            (editor, id, input, actor, ct) => editor.ChangeSlugAsync(id, input.Slug, actor, ct));
        AddCommand<PublishArticleInputGraphType, PublishArticleInput>(mutation, "publishArticle", Role.Publisher, "Makes a version (the latest by default) the one readers see, and logs it.",
            (editor, id, input, actor, ct) => editor.PublishAsync(id, input.Version, actor, ct));
        AddCommand<UnpublishArticleInputGraphType, ArticleCommandInput>(mutation, "unpublishArticle", Role.Publisher, "Takes the article out of delivery, and logs it.",
            (editor, id, _, actor, ct) => editor.UnpublishAsync(id, actor, ct));
        AddCommand<RestoreArticleVersionInputGraphType, RestoreArticleVersionInput, ArticleVersion>(mutation, "restoreArticleVersion", Role.Publisher, "Saves a new version equal to an earlier one; history is never rewritten.",
            (editor, id, input, actor, ct) => editor.RestoreVersionAsync(id, input.Version, input.ExpectedVersion, actor, ct));
        AddCommand<SchedulePublicationInputGraphType, SchedulePublicationInput, ScheduledPublication>(mutation, "schedulePublication", Role.Publisher, "Publishes a version at a later moment, exactly once, even across restarts and several instances.",
            (editor, id, input, actor, ct) => editor.SchedulePublicationAsync(id, input.Version, input.At, actor, ct));
        AddCommand<CancelScheduledPublicationInputGraphType, ArticleCommandInput>(mutation, "cancelScheduledPublication", Role.Publisher, "Cancels the pending scheduled publication.",
            (editor, id, _, actor, ct) => editor.CancelScheduledPublicationAsync(id, actor, ct));
        AddCommand<ArchiveArticleInputGraphType, ArticleCommandInput>(mutation, "archiveArticle", Role.Publisher, "Withdraws the article from editing and delivery (unpublishing it); its history stays.",
            (editor, id, _, actor, ct) => editor.ArchiveAsync(id, actor, ct));
        AddCommand<DeleteArticleInputGraphType, ArticleCommandInput>(mutation, "deleteArticle", Role.Admin, "Deletes softly: hidden everywhere, kept until purged.",
            (editor, id, _, actor, ct) => editor.DeleteAsync(id, actor, ct), showArticle: false);
        AddCommand<PurgeArticleInputGraphType, ArticleCommandInput>(mutation, "purgeArticle", Role.Admin, "Removes the article and all its versions for good; refused while published.",
            (editor, id, _, actor, ct) => editor.PurgeAsync(id, actor, ct), showArticle: false);
    }

    private delegate Task<(Guid? ArticleId, IReadOnlyList<EditError> Errors)> Command<in TInput>(TInput input, ArticleEditor editor, string actor, CancellationToken cancellationToken);

    /// <summary>A command on the article the input names; an id that names no article is a NotFoundError.</summary>
    private static void AddCommand<TInputGraph, TInput, TResult>(ObjectGraphType mutation, string name, Role role, string description, Func<ArticleEditor, Guid, TInput, string, CancellationToken, Task<EditResult<TResult>>> run, bool showArticle = true)
        where TInputGraph : InputObjectGraphType<TInput>
        where TInput : IArticleTarget
        where TResult : class =>
        Add<TInputGraph, TInput>(mutation, name, role, description, async (input, editor, actor, ct) =>
        {
            if (ArticleIds.TryParse(input.Id) is not { } id)
            {
                return (null, [new NotFoundError(ArticleGraphType.TypeName, input.Id)]);
            }

            var result = await run(editor, id, input, actor, ct);
            return (result.Succeeded && showArticle ? id : null, result.Errors);
        });

    private static void AddCommand<TInputGraph, TInput>(ObjectGraphType mutation, string name, Role role, string description, Func<ArticleEditor, Guid, TInput, string, CancellationToken, Task<EditResult<Article>>> run, bool showArticle = true)
        where TInputGraph : InputObjectGraphType<TInput>
        where TInput : IArticleTarget =>
        AddCommand<TInputGraph, TInput, Article>(mutation, name, role, description, run, showArticle);

    private static void Add<TInputGraph, TInput>(ObjectGraphType mutation, string name, Role role, string description, Command<TInput> command)
        where TInputGraph : InputObjectGraphType<TInput> =>
        mutation.Mutation<TInputGraph, ArticlePayloadGraphType>(name, role, description)
            .Handle<TInput, ArticleCommands>(async (input, commands, context) =>
            {
                var (articleId, errors) = await command(input, commands.Editor, context.Actor, context.CancellationToken);
                return await commands.PayloadAsync(articleId, errors, context);
            });
}

using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Persistence;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>
/// The editorial mutations, in the mutation-convention style: one input, a payload with the article and a list
/// of typed errors. Each maps its input to one <see cref="ArticleEditor"/> command, which is one transaction.
/// </summary>
public sealed class ArticleMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Add<CreateArticleInputGraphType>(mutation, "createArticle", Role.Editor, "Creates an article as a draft with its version 1.", async (ctx, input, editor, actor) =>
        {
            var content = ArticleInputReader.ReadContent(input);
            var slug = input.GetValueOrDefault("slug") as string ?? Slug.FromTitle(content.Title);
            var result = await editor.CreateAsync(slug, content, actor, input.GetValueOrDefault("changeNote") as string, ctx.CancellationToken);
            return (result.Value?.Id, result.Errors);
        });
        Add<UpdateArticleInputGraphType>(mutation, "updateArticle", Role.Editor, "Saves version N+1 from version expectedVersion plus the given fields; omitted fields carry over.", (ctx, input, editor, actor) =>
            ForArticle(input, id => editor.SaveVersionAsync(id, (int)input["expectedVersion"]!, ArticleInputReader.ReadChanges(input), actor, input.GetValueOrDefault("changeNote") as string, ctx.CancellationToken)));
        AddCommand<ChangeSlugInputGraphType>(mutation, "changeSlug", Role.Publisher, "Changes the slug; the old slug keeps working in delivery, marked as redirected.",
            (editor, id, input, actor, ct) => editor.ChangeSlugAsync(id, (string)input["slug"]!, actor, ct));
        AddCommand<PublishArticleInputGraphType>(mutation, "publishArticle", Role.Publisher, "Makes a version (the latest by default) the one readers see, and logs it.",
            (editor, id, input, actor, ct) => editor.PublishAsync(id, (int?)input.GetValueOrDefault("version"), actor, ct));
        AddCommand<UnpublishArticleInputGraphType>(mutation, "unpublishArticle", Role.Publisher, "Takes the article out of delivery, and logs it.",
            (editor, id, _, actor, ct) => editor.UnpublishAsync(id, actor, ct));
        Add<RestoreArticleVersionInputGraphType>(mutation, "restoreArticleVersion", Role.Publisher, "Saves a new version equal to an earlier one; history is never rewritten.", (ctx, input, editor, actor) =>
            ForArticle(input, id => editor.RestoreVersionAsync(id, (int)input["version"]!, (int)input["expectedVersion"]!, actor, ctx.CancellationToken)));
        Add<SchedulePublicationInputGraphType>(mutation, "schedulePublication", Role.Publisher, "Publishes a version at a later moment, exactly once, even across restarts and several instances.", (ctx, input, editor, actor) =>
            ForArticle(input, id => editor.SchedulePublicationAsync(id, (int?)input.GetValueOrDefault("version"), (DateTime)input["at"]!, actor, ctx.CancellationToken)));
        AddCommand<CancelScheduledPublicationInputGraphType>(mutation, "cancelScheduledPublication", Role.Publisher, "Cancels the pending scheduled publication.",
            (editor, id, _, actor, ct) => editor.CancelScheduledPublicationAsync(id, actor, ct));
        AddCommand<ArchiveArticleInputGraphType>(mutation, "archiveArticle", Role.Publisher, "Withdraws the article from editing and delivery (unpublishing it); its history stays.",
            (editor, id, _, actor, ct) => editor.ArchiveAsync(id, actor, ct));
        AddCommand<DeleteArticleInputGraphType>(mutation, "deleteArticle", Role.Admin, "Deletes softly: hidden everywhere, kept until purged.",
            (editor, id, _, actor, ct) => editor.DeleteAsync(id, actor, ct), showArticle: false);
        AddCommand<PurgeArticleInputGraphType>(mutation, "purgeArticle", Role.Admin, "Removes the article and all its versions for good; refused while published.",
            (editor, id, _, _, ct) => editor.PurgeAsync(id, ct), showArticle: false);
    }

    private delegate Task<(Guid? ArticleId, IReadOnlyList<EditError> Errors)> Command(IResolveFieldContext context, IReadOnlyDictionary<string, object?> input, ArticleEditor editor, string actor);

    private static void AddCommand<TInput>(ObjectGraphType mutation, string name, Role role, string description, Func<ArticleEditor, Guid, IReadOnlyDictionary<string, object?>, string, CancellationToken, Task<EditResult<Article>>> run, bool showArticle = true)
        where TInput : IInputObjectGraphType =>
        Add<TInput>(mutation, name, role, description, async (ctx, input, editor, actor) =>
        {
            var (id, errors) = await ForArticle(input, id => run(editor, id, input, actor, ctx.CancellationToken));
            return (showArticle ? id : null, errors);
        });

    /// <summary>Runs a command on the article the input names; an id that names no article is a NotFoundError.</summary>
    private static async Task<(Guid? ArticleId, IReadOnlyList<EditError> Errors)> ForArticle<T>(IReadOnlyDictionary<string, object?> input, Func<Guid, Task<EditResult<T>>> run)
        where T : class
    {
        var id = ArticleIds.TryParse(input["id"]?.ToString());
        if (id is null)
        {
            return (null, [NotFound(input)]);
        }

        var result = await run(id.Value);
        return (result.Succeeded ? id : null, result.Errors);
    }

    private static void Add<TInput>(ObjectGraphType mutation, string name, Role role, string description, Command command)
        where TInput : IInputObjectGraphType =>
        mutation.Field<NonNullGraphType<ArticlePayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .RequireRole(role)
            .ResolveAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var (articleId, errors) = await command(ctx, input, services.GetRequiredService<ArticleEditor>(), ctx.User.GetActorName());
                if (articleId is null)
                {
                    return new ArticlePayload(null, errors);
                }

                var (view, _) = await services.GetRequiredService<ArticleLookup>()
                    .FindAsync(new ArticleSelector(null, articleId, ArticleStage.Draft), VersionParts.All, ctx.CancellationToken);
                return new ArticlePayload(view, errors);
            });

    private static NotFoundError NotFound(IReadOnlyDictionary<string, object?> input) => new("Article", input["id"]?.ToString() ?? string.Empty);
}

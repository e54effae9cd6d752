using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Outcomes;

namespace Cms.Api.Articles;

/// <summary>
/// The service the article mutations command: the editor (each command one transaction) and the payload, whose article
/// is read as a query reads it, only when selected and with only the lists selected.
/// </summary>
public sealed class ArticleCommands(ArticleEditor editor, ArticleLookup lookup)
{
    public ArticleEditor Editor => editor;

    public async Task<object> PayloadAsync(Guid? articleId, IReadOnlyList<EditError> errors, MutationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (articleId is null || !context.Selected().Contains("article"))
        {
            return new ArticlePayload(null, errors);
        }

        var parts = ArticleGraphType.PartsFor(context.Selected("article"));
        var (view, _) = await lookup.FindAsync(new ArticleSelector(null, articleId, ArticleStage.Draft), parts, context.CancellationToken);
        return new ArticlePayload(view, errors);
    }
}

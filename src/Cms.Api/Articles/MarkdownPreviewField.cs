using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>
/// A section body rendered before it is saved, by the very code that renders <c>Section.bodyHtml</c> for readers, so an
/// editor's preview and the published page cannot disagree.
/// </summary>
internal static class MarkdownPreviewField
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StringGraphType>>("markdownPreview")
            .Description($"Markdown rendered to the safe HTML that Section.bodyHtml delivers (raw HTML shown as text, links cleaned). At most {Section.MaxBodyLength:N0} characters, as for a section body. Needs the editor role.")
            .Argument<NonNullGraphType<StringGraphType>>("markdown")
            .RequireRole(Role.Editor)
            .Resolve(ctx =>
            {
                var markdown = ctx.GetArgument<string>("markdown");
                if (markdown.Length > Section.MaxBodyLength)
                {
                    throw ApiErrors.BadUserInput($"A section body holds at most {Section.MaxBodyLength:N0} characters; this one has {markdown.Length:N0}.");
                }

                return SafeHtml.FromMarkdown(markdown);
            });
    }
}

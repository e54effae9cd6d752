using Cms.Api.Articles;
using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Events;
using Cms.Model.Security;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Subscriptions;

/// <summary>One change to an article, as a subscriber receives it; <c>article</c> is read when the event arrives, as the subscriber may see it.</summary>
public sealed class ArticleChangeEventGraphType : ObjectGraphType<ChangeEvent>
{
    public ArticleChangeEventGraphType()
    {
        Name = "ArticleChangeEvent";
        Description = "A change to an article; it names what changed and never carries content a subscriber may not read.";
        this.Public();
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The event's id; a webhook's webhook-id for the same change.").Resolve(ctx => ctx.Source.Id.ToString());
        Field<NonNullGraphType<ArticleChangeTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the change was committed.").Resolve(ctx => ctx.Source.OccurredAt);
        Field<NonNullGraphType<IdGraphType>>("articleId").Resolve(ctx => GlobalId.Encode(ArticleGraphType.TypeName, ctx.Source.ArticleId!.Value));
        Field<StringGraphType>("slug").Resolve(ctx => ctx.Source.Slug);
        Field<StringGraphType>("previousSlug").Description("For SLUG_CHANGED.").Resolve(ctx => ctx.Source.PreviousSlug);
        Field<IntGraphType>("version").Description("The version saved, published or scheduled; the latest for the other changes.").Resolve(ctx => ctx.Source.Version);
        Field<IntGraphType>("previousVersion").Description("For PUBLISHED and UNPUBLISHED: the version published before.").Resolve(ctx => ctx.Source.PreviousVersion);
        Field<StringGraphType>("actor").Description("Who made the change; needs the viewer role.").RequireRole(Role.Viewer).Resolve(ctx => ctx.Source.Actor);
        Field<ArticleGraphType>("article")
            .Description("The article now: its published version for readers (null once unpublished or deleted), its latest version for the viewer role and above.")
            .Resolve()
            .WithService<ArticleLookup>()
            .ResolveAsync(async (ctx, lookup) =>
            {
                var stage = ctx.User.GetRole() >= Role.Viewer ? ArticleStage.Draft : ArticleStage.Published;
                var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(ctx));
                var (view, _) = await lookup.FindAsync(new ArticleSelector(null, ctx.Source.ArticleId, stage), parts, ctx.CancellationToken);
                return view;
            });
    }
}

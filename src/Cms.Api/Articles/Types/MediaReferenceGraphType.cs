using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class MediaReferenceGraphType : ObjectGraphType<MediaReference>
{
    public MediaReferenceGraphType()
    {
        Name = "MediaReference";
        this.Public();
        Description = "A use of a media asset in an article version.";
        Field<NonNullGraphType<IdGraphType>>("assetId").Resolve(ctx => ctx.Source.AssetId);
        Field<NonNullGraphType<MediaRoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<StringGraphType>("captionOverride")
            .Description("A caption for this use only, replacing the asset's own.")
            .Resolve(ctx => ctx.Source.CaptionOverride);
        Field<FocalPointGraphType>("focalPointOverride")
            .Description("A focal point for this use only, replacing the asset's own in crops.")
            .Resolve(ctx => ctx.Source.FocalPointOverride);

        // The media feature defines the asset's type; this use shows it with its overrides applied. All the assets a
        // response names are read together.
        Field<MediaAssetGraphType>("asset")
            .Description("The asset as this use shows it: caption and focal point overridden where the use says so (its url crops around that point).")
            .Resolve()
            .WithService<ArticleMediaLoader>()
            .Resolve((ctx, loader) =>
            {
                var use = ctx.Source;
                ctx.TagAnswer(AnswerTags.Asset(use.AssetId));
                return loader.Assets.Load(use.AssetId).Then(asset => asset?.AsUsedBy(use));
            });
    }
}

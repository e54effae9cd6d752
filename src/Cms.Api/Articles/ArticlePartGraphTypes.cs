using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Media;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class PlaceGraphType : ObjectGraphType<Place>
{
    public PlaceGraphType()
    {
        Name = "Place";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<StringGraphType>("country").Resolve(ctx => ctx.Source.Country);
        Field<FloatGraphType>("latitude").Description("WGS 84 degrees, north positive.").Resolve(ctx => ctx.Source.Latitude);
        Field<FloatGraphType>("longitude").Description("WGS 84 degrees, east positive.").Resolve(ctx => ctx.Source.Longitude);
    }
}

public sealed class SectionGraphType : ObjectGraphType<Section>
{
    public SectionGraphType()
    {
        Name = "Section";
        this.Public();
        Description = "A section of an article's body.";
        Field<NonNullGraphType<StringGraphType>>("key")
            .Description("Stays the same across versions, so versions can be compared section by section.")
            .Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("heading").Resolve(ctx => ctx.Source.Heading);
        Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown, as the editor wrote it.").Resolve(ctx => ctx.Source.Body);
        Field<NonNullGraphType<StringGraphType>>("bodyHtml")
            .Description("The body as HTML that is safe to insert: no scripts, event handlers or javascript: links; external links get rel=\"noopener noreferrer\".")
            .Resolve(ctx => Model.Delivery.SafeHtml.BodyOf(ctx.Source));
        Field<NonNullGraphType<IntGraphType>>("position").Description("0-based reading order.").Resolve(ctx => ctx.Source.Position);
    }
}

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(ctx => ctx.Source.Title);
        Field<StringGraphType>("url").Resolve(ctx => ctx.Source.Url);
        Field<StringGraphType>("publisher").Resolve(ctx => ctx.Source.Publisher);
        Field<StringGraphType>("note").Resolve(ctx => ctx.Source.Note);
    }
}

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
        Field("asset", new GraphQLTypeReference("MediaAsset"))
            .Description("The asset as this use shows it: caption and focal point overridden where the use says so (its url crops around that point).")
            .Resolve(ctx =>
            {
                var loader = ctx.RequestServices!.GetRequiredService<ArticleMediaLoader>();
                var use = ctx.Source;
                return loader.Assets.Load(use.AssetId).Then(asset => asset?.AsUsedBy(use));
            });
    }
}

public sealed class MediaRoleGraphType : EnumerationGraphType<MediaRole>
{
    public MediaRoleGraphType()
    {
        Name = "MediaRole";
    }
}

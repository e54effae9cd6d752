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

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public TagGraphType()
    {
        Name = "Tag";
        this.Public();
        Description = "A tag as this version carries it.";
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("Derived from the label (\"World War II\" gives \"world-war-ii\"); the same for every label that gives it. Filter and link by it.")
            .Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label").Description("As the editor typed it.").Resolve(ctx => ctx.Source.Label);
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
    }
}

public sealed class MediaRoleGraphType : EnumerationGraphType<MediaRole>
{
    public MediaRoleGraphType()
    {
        Name = "MediaRole";
    }
}

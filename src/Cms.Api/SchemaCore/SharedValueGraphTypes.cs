using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Media;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

// Value types more than one feature shows or takes: articles and media assets both carry tags, and an article's use of an
// image has a focal point as the image itself does.

public sealed class FocalPointGraphType : ObjectGraphType<FocalPoint>
{
    public FocalPointGraphType()
    {
        Name = "FocalPoint";
        Description = "The point a crop keeps in view: x from the left and y from the top, as fractions (0 to 1) of the image's size.";
        this.Public();
        Field<NonNullGraphType<FloatGraphType>>("x").Resolve(ctx => ctx.Source.X);
        Field<NonNullGraphType<FloatGraphType>>("y").Resolve(ctx => ctx.Source.Y);
    }
}

public sealed record FocalPointInput(double X, double Y)
{
    public FocalPoint ToFocalPoint() => new(X, Y);
}

public sealed class FocalPointInputGraphType : InputObjectGraphType<FocalPointInput>
{
    public FocalPointInputGraphType()
    {
        Name = "FocalPointInput";
        Description = "x from the left and y from the top, as fractions (0 to 1) of the image's width and height.";
        Field<NonNullGraphType<FloatGraphType>>("x");
        Field<NonNullGraphType<FloatGraphType>>("y");
    }
}

/// <summary>HotChocolate's <c>BooleanOperationFilterInput</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType<BooleanFilter>
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public TagGraphType()
    {
        Name = "Tag";
        this.Public();
        Description = "A tag as an article version or a media asset carries it.";
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("Derived from the label (\"World War II\" gives \"world-war-ii\"); the same for every label that gives it. Filter and link by it.")
            .Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label").Description("As the editor typed it.").Resolve(ctx => ctx.Source.Label);
    }
}

public sealed class TagFilterInputGraphType : InputObjectGraphType<TagFilter>
{
    public TagFilterInputGraphType()
    {
        Name = "TagFilterInput";
        Field<StringOperationFilterInputGraphType>("slug");
    }
}

public sealed class ListFilterInputTypeOfTagFilterInputGraphType()
    : ListFilterInputGraphType<TagFilterInputGraphType, TagFilter>("TagFilterInput", "tags");

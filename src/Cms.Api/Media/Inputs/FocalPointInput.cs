using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Media;

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

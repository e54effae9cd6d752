using GraphQL.Types;

namespace Cms.Api.Media;

internal static class MediaMetadataFields
{
    public static void Add<T>(InputObjectGraphType<T> input)
    {
        input.Field<StringGraphType>("altText").Description("Required (for images) before an article version using the asset is published. An empty string clears a field.");
        input.Field<StringGraphType>("caption");
        input.Field<StringGraphType>("credit");
        input.Field<StringGraphType>("license");
        input.Field<FocalPointInputGraphType>("focalPoint");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Labels; replaces the asset's tags when given.");
    }
}

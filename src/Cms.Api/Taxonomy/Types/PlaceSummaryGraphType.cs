using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

/// <summary>A place with the number of published articles that name it.</summary>
public sealed class PlaceSummaryGraphType : ObjectGraphType<PlaceSummary>
{
    public PlaceSummaryGraphType()
    {
        Name = "PlaceSummary";
        this.Public();
        Description = "A place that published articles name (one per name and country), for maps and place pages.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<StringGraphType>("country").Resolve(ctx => ctx.Source.Country.Length == 0 ? null : ctx.Source.Country);
        Field<FloatGraphType>("latitude").Description("The mean of the latitudes the articles give; null when none gives one.").Resolve(ctx => ctx.Source.Latitude);
        Field<FloatGraphType>("longitude").Description("The mean of the longitudes the articles give; null when none gives one.").Resolve(ctx => ctx.Source.Longitude);
        Field<NonNullGraphType<IntGraphType>>("articleCount").Description("How many published articles name it.").Resolve(ctx => ctx.Source.ArticleCount);
    }
}

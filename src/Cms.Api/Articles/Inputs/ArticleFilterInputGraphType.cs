using Cms.Api.SchemaCore;
using Cms.Api.Taxonomy;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>HotChocolate's filter input for articles (<c>where:</c>), bound to <see cref="ArticleFilter"/>.</summary>
public sealed class ArticleFilterInputGraphType : InputObjectGraphType<ArticleFilter>
{
    public ArticleFilterInputGraphType()
    {
        Name = "ArticleFilterInput";
        Description = "Which articles to list; every condition given must hold.";
        Field<ListGraphType<NonNullGraphType<ArticleFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<ArticleFilterInputGraphType>>>("or").Description("At least one of these.");
        Field<StringOperationFilterInputGraphType>("slug");
        Field<StringOperationFilterInputGraphType>("title");
        Field<ListFilterInputTypeOfTagFilterInputGraphType>("tags");
        Field<ListFilterInputTypeOfPlaceFilterInputGraphType>("places");
        Field<HistoricalDateOperationFilterInputGraphType>("historicalDate")
            .Description("When the event happened. An operand names a period: a year alone is that whole year, a year and month that month.");
        Field<ArticleStatusOperationFilterInputGraphType>("status");
        Field<DateTimeOperationFilterInputGraphType>("publishedAt");
        Field<DateTimeOperationFilterInputGraphType>("updatedAt");
        Field<StringOperationFilterInputGraphType>("updatedBy")
            .Description("Who last changed the article (saved a version, published, scheduled…), as version authors are shown. Needs the viewer role, whatever the stage.")
            .RequireRole(Role.Viewer);
    }
}

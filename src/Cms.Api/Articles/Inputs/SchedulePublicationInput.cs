using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record SchedulePublicationInput(string Id, int? Version, DateTime At) : ArticleCommandInput(Id);

public sealed class SchedulePublicationInputGraphType : ArticleCommandInputGraphType<SchedulePublicationInput>
{
    public SchedulePublicationInputGraphType()
        : base("SchedulePublicationInput")
    {
        Field<IntGraphType>("version").Description("The version to publish; the latest when omitted.");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When to publish; must be in the future. Replaces any pending schedule.");
    }
}

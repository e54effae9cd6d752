using GraphQL.Types;

namespace Cms.Api.GraphQL;

public sealed class CmsSchema : Schema
{
    public CmsSchema(IServiceProvider services, CmsQuery query)
        : base(services)
    {
        Description = "Versioned event articles: published content for front ends.";
        Query = query;
    }
}

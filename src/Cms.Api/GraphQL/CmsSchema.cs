using Cms.Api.GraphQL.Errors;
using GraphQL.Types;

namespace Cms.Api.GraphQL;

public sealed class CmsSchema : Schema
{
    public CmsSchema(IServiceProvider services, CmsQuery query, CmsMutation mutation)
        : base(services)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Description = "Versioned event articles: published content for front ends.";
        Query = query;

        // A schema without mutation fields has no Mutation type at all, rather than an empty one (which is invalid).
        Mutation = mutation.Fields.Count > 0 ? mutation : null;

        // Reachable only through the UserError interface, so registered by hand.
        RegisterType(typeof(ValidationErrorGraphType));
        RegisterType(typeof(NotFoundErrorGraphType));
        RegisterType(typeof(SlugTakenErrorGraphType));
        RegisterType(typeof(VersionConflictErrorGraphType));
        RegisterType(typeof(InvalidStateErrorGraphType));
    }
}

using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

/// <summary>The caller's own identity (<c>me</c>), and the list of API keys for admins.</summary>
public sealed class ApiKeyQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<CallerGraphType>("me")
            .Description("The authenticated caller, or null for anonymous requests.")
            .Public()
            .Resolve(ctx => ctx.User?.Identity?.IsAuthenticated == true ? ctx.User : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyGraphType>>>>("apiKeys")
            .Description("Every API key, revoked and expired ones included, oldest first.")
            .RequireRole(Role.Admin)
            .Resolve()
            .WithService<ApiKeyService>()
            .ResolveAsync(async (ctx, keys) => await keys.ListAsync(ctx.CancellationToken));
    }
}

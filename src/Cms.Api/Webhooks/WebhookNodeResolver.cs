using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL;

namespace Cms.Api.Webhooks;

/// <summary><c>node(id:)</c> for a webhook: admins only, as through <c>webhook(id:)</c>.</summary>
internal sealed class WebhookNodeResolver(WebhookService webhooks) : INodeResolver
{
    public string TypeName => WebhookGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys) =>
        context.User.GetRole() >= Role.Admin
            ? (await webhooks.GetManyAsync(keys, context.CancellationToken)).ToDictionary(w => w.Key, w => (object)w.Value)
            : new Dictionary<Guid, object>();
}

using Cms.Api.Transport;
using Cms.Model.Delivery;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Hosting;

/// <summary>
/// The version of published content: the highest content-change id, which every publish, unpublish and slug change
/// raises in its own transaction. One indexed read of the shared database, so every instance sees the same value.
/// </summary>
internal sealed class ContentVersionSource(IServiceScopeFactory scopes) : IContentVersionSource
{
    public async ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await ContentVersion.Latest(db).FirstOrDefaultAsync(cancellationToken);
    }
}

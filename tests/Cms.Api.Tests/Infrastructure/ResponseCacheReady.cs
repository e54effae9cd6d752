using Cms.Api.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Infrastructure;

public static class ResponseCacheReady
{
    /// <summary>A client for a server whose response cache follows the change feed (it serves nothing from memory before).</summary>
    public static async Task<HttpClient> CacheReadyClientAsync(this CmsApiFactory api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var client = api.CreateClient();
        var cache = api.Services.GetRequiredService<ResponseCache>();
        for (var attempt = 0; attempt < 100 && !cache.IsUsable; attempt++)
        {
            await Task.Delay(20);
        }

        Assert.True(cache.IsUsable, "The response cache never read the change feed.");
        return client;
    }
}

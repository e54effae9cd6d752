using Cms.Api.Common;

namespace Cms.Api.Media;

/// <summary>
/// Signed file URLs for callers who may see unpublished media (viewers, and preview tokens for an article using it): an
/// <c>&lt;img&gt;</c> cannot send an API key or a preview header, so the URL itself carries a short-lived grant for that one asset.
/// A grant lasts to the end of the next whole hour, so URLs stay the same (and browser-cacheable) for a while.
/// </summary>
public sealed class MediaUrlSigner(TimeProvider clock) : IDisposable
{
    public const string QueryKey = "access";

    private readonly SigningKeyCache _key = new("media-urls", clock);

    public ValueTask<string> GrantAsync(IServiceProvider services, Guid assetId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(2);
        return _key.GrantAsync(services, assetId, until, cancellationToken);
    }

    /// <summary>Whether <paramref name="grant"/> was issued for this asset and has not run out.</summary>
    public ValueTask<bool> IsGrantedAsync(IServiceProvider services, Guid assetId, string? grant, CancellationToken cancellationToken) =>
        _key.IsGrantedAsync(services, assetId, grant, clock.GetUtcNow(), cancellationToken);

    public void Dispose() => _key.Dispose();
}

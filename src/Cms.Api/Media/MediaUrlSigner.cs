using System.Buffers.Binary;
using Cms.Api.SchemaCore;
using Cms.Model.Security;

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

    public async ValueTask<string> GrantAsync(IServiceProvider services, Guid assetId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expires = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(2);
        return SignedTokens.Sign(await _key.KeyAsync(services, cancellationToken), Body(assetId, expires.UtcTicks));
    }

    /// <summary>Whether <paramref name="grant"/> was issued for this asset and has not run out.</summary>
    public async ValueTask<bool> IsGrantedAsync(IServiceProvider services, Guid assetId, string? grant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(grant) || SignedTokens.TryOpen(await _key.KeyAsync(services, cancellationToken), grant, 100) is not { Length: 24 } body)
        {
            return false;
        }

        return new Guid(body.AsSpan(0, 16)) == assetId && BinaryPrimitives.ReadInt64BigEndian(body.AsSpan(16)) > clock.GetUtcNow().UtcTicks;
    }

    public void Dispose() => _key.Dispose();

    private static byte[] Body(Guid assetId, long expiresTicks)
    {
        var body = new byte[24];
        assetId.TryWriteBytes(body);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), expiresTicks);
        return body;
    }
}

using System.Buffers.Binary;
using Cms.Model.Persistence;
using Cms.Model.Security;

namespace Cms.Api.Common;

/// <summary>
/// One purpose's signing key (<see cref="SigningKey"/>), read from the database once per process (made there on first use,
/// so every instance signs and checks with the same key) and kept: what cursors, signed media URLs and upload links use.
/// </summary>
public sealed class SigningKeyCache(string purpose, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile byte[]? _key;

    public string Purpose { get; } = purpose;

    public async ValueTask<byte[]> KeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (_key is { } key)
        {
            return key;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            _key ??= await SigningKey.GetOrCreateAsync(services.GetRequiredService<CmsDbContext>(), Purpose, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>A token granting something about one object until <paramref name="until"/> (a file URL, an upload link).</summary>
    public async ValueTask<string> GrantAsync(IServiceProvider services, Guid id, DateTimeOffset until, CancellationToken cancellationToken) =>
        SignedTokens.Sign(await KeyAsync(services, cancellationToken), GrantBody(id, until.UtcTicks));

    /// <summary>Whether <paramref name="token"/> is a grant this key signed for <paramref name="id"/> that has not run out at <paramref name="now"/>.</summary>
    public async ValueTask<bool> IsGrantedAsync(IServiceProvider services, Guid id, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || SignedTokens.TryOpen(await KeyAsync(services, cancellationToken), token, 100) is not { Length: 24 } body)
        {
            return false;
        }

        return new Guid(body.AsSpan(0, 16)) == id && BinaryPrimitives.ReadInt64BigEndian(body.AsSpan(16)) > now.UtcTicks;
    }

    public void Dispose() => _loading.Dispose();

    private static byte[] GrantBody(Guid id, long untilTicks)
    {
        var body = new byte[24];
        id.TryWriteBytes(body);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), untilTicks);
        return body;
    }
}

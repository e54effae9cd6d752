using Cms.Model.Persistence;
using Cms.Model.Security;

namespace Cms.Api.SchemaCore;

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

    public void Dispose() => _loading.Dispose();
}

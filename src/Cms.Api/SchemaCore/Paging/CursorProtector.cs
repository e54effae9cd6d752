using System.Text;
using Cms.Api.Common;
using Cms.Model.Security;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Makes paging cursors opaque and tamper-evident: base64url of the content and an HMAC-SHA256 tag (128 bits) under a key
/// kept in the database (<see cref="SigningKey"/>), so a cursor issued by any instance is accepted by every other, and a
/// cursor changed by hand, made up, or issued by another deployment is refused before it reaches a query.
/// </summary>
public sealed class CursorProtector(TimeProvider clock) : IDisposable
{
    public const string Purpose = "paging-cursors";

    private const int MaxCursorLength = 1024;

    private readonly SigningKeyCache _key = new(Purpose, clock);

    public async ValueTask<string> ProtectAsync(IServiceProvider services, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SignedTokens.Sign(await KeyAsync(services, cancellationToken), Encoding.UTF8.GetBytes(content));
    }

    /// <summary>The content of a cursor this API signed, or null for anything else.</summary>
    public async ValueTask<string?> UnprotectAsync(IServiceProvider services, string cursor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxCursorLength)
        {
            return null;
        }

        if (SignedTokens.TryOpen(await KeyAsync(services, cancellationToken), cursor, MaxCursorLength) is not { } body)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Reads (or makes) the key now, at start-up, so that no reader's request pays for it.</summary>
    public async Task LoadKeyAsync(IServiceProvider services, CancellationToken cancellationToken) => await KeyAsync(services, cancellationToken);

    public void Dispose() => _key.Dispose();

    private ValueTask<byte[]> KeyAsync(IServiceProvider services, CancellationToken cancellationToken) => _key.KeyAsync(services, cancellationToken);
}

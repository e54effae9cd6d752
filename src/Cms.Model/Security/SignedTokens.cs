using System.Security.Cryptography;

namespace Cms.Model.Security;

/// <summary>
/// The one format of the tokens this CMS signs (paging cursors, preview tokens): base64url of the body followed by the
/// first 128 bits of its HMAC-SHA256 under a <see cref="SigningKey"/>. Changing a byte, or signing under another key,
/// makes a token that <see cref="TryOpen"/> refuses.
/// </summary>
public static class SignedTokens
{
    private const int TagBytes = 16;

    public static string Sign(byte[] key, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var token = new byte[body.Length + TagBytes];
        body.CopyTo(token);
        HMACSHA256.HashData(key, body).AsSpan(0, TagBytes).CopyTo(token.AsSpan(body.Length));
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The body of a token signed under <paramref name="key"/>, or null for anything else (malformed, altered, too long).</summary>
    public static byte[]? TryOpen(byte[] key, string? token, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(token) || token.Length > maxLength)
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length <= TagBytes)
        {
            return null;
        }

        var body = bytes.AsSpan(0, length - TagBytes);
        var expected = HMACSHA256.HashData(key, body).AsSpan(0, TagBytes);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(length - TagBytes, TagBytes)) ? body.ToArray() : null;
    }
}

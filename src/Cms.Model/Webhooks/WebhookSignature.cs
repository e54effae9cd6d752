using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cms.Model.Webhooks;

/// <summary>
/// The Standard Webhooks signature scheme: a secret is <c>whsec_</c> and base64 of random bytes; a delivery carries
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>, a space-separated list of
/// <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>, one per valid secret.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>The three headers for a delivery signed with each of <paramref name="secrets"/>.</summary>
    public static IReadOnlyDictionary<string, string> Headers(IEnumerable<string> secrets, string messageId, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IdHeader] = messageId,
            [TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
            [SignatureHeader] = string.Join(' ', secrets.Select(secret => Sign(secret, messageId, timestamp, body))),
        };
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Cms.Model.Security;

/// <summary>
/// A credential for servers, previews and scripts. The secret is shown once, when the key is created; only its
/// SHA-256 is stored (the secret has 256 bits of entropy, so a fast hash is enough). A key looks like
/// <c>cmsk_&lt;public id&gt;_&lt;secret&gt;</c>: the fixed prefix tells it apart from a JWT, and the public id finds the row.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "cmsk_";
    public const int MaxNameLength = 100;
    public const int PublicIdLength = 12;

    /// <summary>Longest text that can be a key; anything longer is refused without a database look-up.</summary>
    public const int MaxKeyLength = 80;

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Role Role { get; private set; }

    /// <summary>The non-secret part of the key, safe to show in lists and logs.</summary>
    public string PublicId { get; private set; } = string.Empty;

    public string SecretHash { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    internal static (ApiKey Key, string Secret) Create(string name, Role role, DateTime? expiresAt, string createdBy, DateTime now)
    {
        var publicId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PublicIdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var plaintext = $"{Prefix}{publicId}_{secret}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Role = role,
            PublicId = publicId,
            SecretHash = Hash(plaintext),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
        };
        return (key, plaintext);
    }

    /// <summary>The public id of a presented key, or null when the text cannot be a key of this system.</summary>
    public static string? PublicIdOf(string? presented)
    {
        if (presented is null || presented.Length > MaxKeyLength || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = presented.AsSpan(Prefix.Length);
        return rest.Length > PublicIdLength + 1 && rest[PublicIdLength] == '_' ? rest[..PublicIdLength].ToString() : null;
    }

    internal bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(Hash(presented)));

    internal void Revoke(DateTime now) => RevokedAt ??= now;

    private static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));
}

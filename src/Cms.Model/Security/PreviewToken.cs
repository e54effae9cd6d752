namespace Cms.Model.Security;

/// <summary>
/// A read-only credential for one article (and optionally one of its versions), so that a front end's preview page can
/// show a draft without an editor's API key. Only its id travels in the token, signed; the row says what it grants, until
/// when, and whether it was revoked.
/// </summary>
public sealed class PreviewToken
{
    private PreviewToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    /// <summary>The version it shows; null for the latest version at the time of each read.</summary>
    public int? VersionNumber { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && now < ExpiresAt;

    internal static PreviewToken Create(Guid articleId, int? versionNumber, string actor, DateTime now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        ArticleId = articleId,
        VersionNumber = versionNumber,
        CreatedBy = actor,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    internal void Revoke(string actor, DateTime now)
    {
        RevokedAt ??= now;
        RevokedBy ??= actor;
    }
}

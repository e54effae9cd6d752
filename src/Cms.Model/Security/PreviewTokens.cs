using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Security;

/// <summary>
/// Mints, revokes and checks preview tokens. A token is <c>cmsp_</c> and the token's id signed as <see cref="SignedTokens"/>
/// sign, under a key kept in the database (<see cref="SigningKey"/>), so a forged or altered token is refused before
/// any lookup, and every instance checks alike; the row then decides expiry and revocation.
/// </summary>
public sealed class PreviewTokens(CmsDbContext db, TimeProvider clock)
{
    public const string Prefix = "cmsp_";
    public const string Purpose = "preview-tokens";
    public const int DefaultLifetimeMinutes = 60;
    public const int MaxLifetimeMinutes = 7 * 24 * 60;

    private const int IdBytes = 16;
    private const int MaxTokenLength = 64;

    public async Task<EditResult<MintedPreviewToken>> MintAsync(Guid articleId, int? versionNumber, int lifetimeMinutes, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (lifetimeMinutes is < 1 or > MaxLifetimeMinutes)
        {
            return EditResult.Failure<MintedPreviewToken>(new ValidationProblem("expiresInMinutes", ValidationCodes.OutOfRange, $"A preview token lives 1 to {MaxLifetimeMinutes} minutes (7 days)."));
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId && a.DeletedAt == null)
            .Select(a => new { a.LatestVersionNumber }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return EditResult.Failure<MintedPreviewToken>(new NotFoundError("Article", articleId.ToString()));
        }

        if (versionNumber is { } number && (number < 1 || number > article.LatestVersionNumber))
        {
            return EditResult.Failure<MintedPreviewToken>(new NotFoundError("Article version", $"{articleId}/{number}"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = PreviewToken.Create(articleId, versionNumber, actor, now, TimeSpan.FromMinutes(lifetimeMinutes));
        var key = await SigningKey.GetOrCreateAsync(db, Purpose, now, cancellationToken);
        db.PreviewTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(new MintedPreviewToken(token, Format(token.Id, key)));
    }

    public async Task<EditResult<PreviewToken>> RevokeAsync(Guid tokenId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var token = await db.PreviewTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return EditResult.Failure<PreviewToken>(new NotFoundError("Preview token", tokenId.ToString()));
        }

        token.Revoke(actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(token);
    }

    /// <summary>What the token grants now, or null when it is malformed, forged, unknown, expired or revoked (alike).</summary>
    public async Task<PreviewGrant?> CheckAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = await SigningKey.GetOrCreateAsync(db, Purpose, now, cancellationToken);
        if (SignedTokens.TryOpen(key, presented[Prefix.Length..], MaxTokenLength) is not { Length: IdBytes } id)
        {
            return null;
        }

        var guid = new Guid(id);
        var token = await db.PreviewTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == guid, cancellationToken);
        return token is not null && token.IsUsableAt(now) ? new PreviewGrant(token.Id, token.ArticleId, token.VersionNumber) : null;
    }

    private static string Format(Guid id, byte[] key) => Prefix + SignedTokens.Sign(key, id.ToByteArray());
}

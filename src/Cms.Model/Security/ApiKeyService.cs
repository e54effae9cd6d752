using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Security;

/// <summary>Creates, lists, revokes and checks API keys.</summary>
public sealed class ApiKeyService(CmsDbContext db, TimeProvider clock)
{
    /// <summary>Last-used times are written at most this often per key, so that authenticating stays a read.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A new key. The returned secret is the only time it exists in plain text.</summary>
    public async Task<EditResult<CreatedApiKey>> CreateAsync(
        string name, Role role, DateTime? expiresAt, string createdBy, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var problems = new List<EditError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ValidationProblem.Required("name"));
        }
        else if (name.Trim().Length > ApiKey.MaxNameLength)
        {
            problems.Add(ValidationProblem.TooLong("name", ApiKey.MaxNameLength));
        }

        if (!Enum.IsDefined(role))
        {
            problems.Add(new ValidationProblem("role", ValidationCodes.InvalidValue, "The role must be viewer, editor, publisher or admin."));
        }

        if (expiresAt is { } expiry && expiry.ToUniversalTime() <= now)
        {
            problems.Add(new ValidationProblem("expiresAt", ValidationCodes.OutOfRange, "The expiry must be in the future."));
        }

        if (problems.Count > 0)
        {
            return EditResult.Failure<CreatedApiKey>(problems);
        }

        var (key, secret) = ApiKey.Create(name, role, expiresAt?.ToUniversalTime(), createdBy, now);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(new CreatedApiKey(key, secret));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.ApiKeys.AnyAsync(cancellationToken);

    /// <summary>Revokes a key by id or public id. Revoking twice keeps the first time.</summary>
    public async Task<EditResult<ApiKey>> RevokeAsync(string idOrPublicId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPublicId);
        var key = Guid.TryParse(idOrPublicId, out var id)
            ? await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            : await db.ApiKeys.SingleOrDefaultAsync(k => k.PublicId == idOrPublicId, cancellationToken);
        if (key is null)
        {
            return EditResult.Failure<ApiKey>(new NotFoundError("API key", idOrPublicId));
        }

        key.Revoke(Now());
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(key);
    }

    /// <summary>
    /// The active key that <paramref name="presented"/> is, or null. Unknown, malformed, revoked and expired
    /// keys are all just null: callers cannot tell which, so a response never says whether a key exists.
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        var publicId = ApiKey.PublicIdOf(presented);
        if (publicId is null)
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.PublicId == publicId, cancellationToken);
        var now = Now();
        if (key is null || !key.Matches(presented!) || !key.IsActive(now))
        {
            return null;
        }

        if (key.LastUsedAt is null || key.LastUsedAt < now - LastUsedResolution)
        {
            // A conditional update: concurrent requests write once, and nothing is loaded for tracking.
            var threshold = now - LastUsedResolution;
            await db.ApiKeys
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < threshold))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return key;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

using System.Security.Cryptography;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Security;

/// <summary>
/// A random secret for one purpose (signing paging cursors, preview tokens), made on first use and kept in the database,
/// so that every instance on the database signs and checks alike with nothing to configure or distribute.
/// </summary>
public sealed class SigningKey
{
    public const int MaxPurposeLength = 50;
    public const int KeyBytes = 32;

    private SigningKey()
    {
    }

    public string Purpose { get; private set; } = string.Empty;

    public byte[] Key { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    /// <summary>The key for <paramref name="purpose"/>, made now when there is none; two instances racing agree on one.</summary>
    public static async Task<byte[]> GetOrCreateAsync(CmsDbContext db, string purpose, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var existing = await db.SigningKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Key).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var key = new SigningKey { Purpose = purpose, Key = RandomNumberGenerator.GetBytes(KeyBytes), CreatedAt = now };
        db.SigningKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key.Key;
        }
        catch (DbUpdateException)
        {
            // Another instance made it first (the purpose is the key): use theirs.
            db.Entry(key).State = EntityState.Detached;
            return await db.SigningKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Key).SingleAsync(cancellationToken);
        }
    }
}

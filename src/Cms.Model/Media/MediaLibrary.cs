using Cms.Model.Articles;
using Cms.Model.Events;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Media;

/// <summary>
/// The commands on media assets. Bytes are always stored before a command runs (bytes first, row second), so a failure
/// leaves at most bytes without a row, which the sweeper removes; never a row without bytes. Each command is one SaveChanges.
/// </summary>
public sealed class MediaLibrary(CmsDbContext db, TimeProvider clock)
{
    public static IReadOnlyList<ValidationProblem> Validate(MediaMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var problems = new List<ValidationProblem>();
        ArticleValidator.OptionalText(problems, metadata.AltText, "altText", MediaAsset.MaxAltTextLength);
        ArticleValidator.OptionalText(problems, metadata.Caption, "caption", MediaAsset.MaxCaptionLength);
        ArticleValidator.OptionalText(problems, metadata.Credit, "credit", MediaAsset.MaxCreditLength);
        ArticleValidator.OptionalText(problems, metadata.License, "license", MediaAsset.MaxLicenseLength);
        ArticleValidator.ValidateFocalPoint(problems, metadata.FocalPoint, "focalPoint");
        if (metadata.Tags is not null)
        {
            ArticleValidator.ValidateTags(problems, metadata.Tags, "tags", MediaAsset.MaxTags);
        }

        return problems;
    }

    /// <summary>The key an earlier asset with the same bytes stores them under, so a new upload of them can share it.</summary>
    public async Task<string?> SharedStorageKeyAsync(string sha256, long byteSize, CancellationToken cancellationToken) =>
        await db.MediaAssets.AsNoTracking()
            .Where(a => a.Sha256 == sha256 && a.ByteSize == byteSize && a.StorageKey.StartsWith(MediaStorageKeys.OriginalsPrefix))
            .OrderBy(a => a.CreatedAt).Select(a => a.StorageKey).FirstOrDefaultAsync(cancellationToken);

    public async Task<EditResult<MediaAsset>> CreateAsync(StoredFile file, MediaMetadata metadata, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = Validate(metadata);
        if (problems.Count > 0)
        {
            return EditResult.Failure<MediaAsset>(problems);
        }

        var now = Now();
        var asset = MediaAsset.Create(file, metadata, actor, now);
        db.MediaAssets.Add(asset);
        db.ChangeEvents.Add(ChangeEvent.ForAsset(ChangeEventTypes.MediaCreated, asset.Id, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(asset);
    }

    /// <summary>Changes metadata; the bytes stay as they are. <paramref name="expectedRevision"/>, when given, must be the current one.</summary>
    public async Task<EditResult<MediaAsset>> UpdateAsync(Guid id, int? expectedRevision, MediaMetadata metadata, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = Validate(metadata);
        if (problems.Count > 0)
        {
            return EditResult.Failure<MediaAsset>(problems);
        }

        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return EditResult.Failure<MediaAsset>(new NotFoundError("MediaAsset", id.ToString()));
        }

        if (expectedRevision is { } expected && expected != asset.Revision)
        {
            return EditResult.Failure<MediaAsset>(new VersionConflictError(expected, asset.Revision));
        }

        var now = Now();
        asset.Apply(metadata, actor, now);
        asset.NextRevision();
        db.ChangeEvents.Add(ChangeEvent.ForAsset(ChangeEventTypes.MediaUpdated, id, actor, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.MediaAssets.Where(a => a.Id == id).Select(a => (int?)a.Revision).SingleOrDefaultAsync(cancellationToken);
            return current is null
                ? EditResult.Failure<MediaAsset>(new NotFoundError("MediaAsset", id.ToString()))
                : EditResult.Failure<MediaAsset>(new VersionConflictError(expectedRevision ?? asset.Revision - 1, current.Value));
        }

        return EditResult.Success(asset);
    }

    /// <summary>
    /// Deletes an asset no retained version uses (the database's foreign key holds this even against a save that races the
    /// check). Its bytes stay until the sweeper finds no asset using them after the grace period: another upload of the same
    /// bytes may be sharing them by now.
    /// </summary>
    public async Task<EditResult<MediaAsset>> DeleteAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return EditResult.Failure<MediaAsset>(new NotFoundError("MediaAsset", id.ToString()));
        }

        if ((await UsagesAsync([id], cancellationToken)).TryGetValue(id, out var usages))
        {
            return EditResult.Failure<MediaAsset>(new AssetInUseError(id, usages));
        }

        db.MediaAssets.Remove(asset);
        db.ChangeEvents.Add(ChangeEvent.ForAsset(ChangeEventTypes.MediaDeleted, id, actor, Now()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if ((await UsagesAsync([id], cancellationToken)).TryGetValue(id, out var madeMeanwhile))
            {
                return EditResult.Failure<MediaAsset>(new AssetInUseError(id, madeMeanwhile));
            }

            throw;
        }

        return EditResult.Success(asset);
    }

    /// <summary>The articles (with the numbers of their versions) that use each of the assets; assets nothing uses are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MediaUsage>>> UsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        if (assetIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<MediaUsage>>();
        }

        var rows = await (
            from use in db.Set<MediaReference>()
            join version in db.ArticleVersions on EF.Property<Guid>(use, VersionContentLoader.VersionChildKey) equals version.Id
            join article in db.Articles on version.ArticleId equals article.Id
            where assetIds.Contains(use.AssetId)
            select new { use.AssetId, article.Id, article.Slug, version.Number })
            .Distinct().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AssetId).ToDictionary(
            byAsset => byAsset.Key,
            byAsset => (IReadOnlyList<MediaUsage>)[.. byAsset.GroupBy(r => (r.Id, r.Slug)).OrderBy(a => a.Key.Slug, StringComparer.Ordinal)
                .Select(a => new MediaUsage(a.Key.Id, a.Key.Slug, [.. a.Select(r => r.Number).Order()]))]);
    }

    /// <summary>Problems with the assets a version refers to: ids that name no asset.</summary>
    internal static async Task<IReadOnlyList<ValidationProblem>> CheckReferencesAsync(CmsDbContext db, IReadOnlyList<MediaReference> media, CancellationToken cancellationToken)
    {
        if (media.Count == 0)
        {
            return [];
        }

        var ids = media.Select(m => m.AssetId).Distinct().ToList();
        var known = await db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return [.. media.Select((m, i) => (m, i)).Where(x => !known.Contains(x.m.AssetId))
            .Select(x => new ValidationProblem($"media[{x.i}].assetId", ValidationCodes.InvalidValue, $"No media asset has the id {x.m.AssetId}."))];
    }

    /// <summary>The images among <paramref name="assetIds"/> that have no alt text (which publishing refuses).</summary>
    internal static async Task<IReadOnlyList<Guid>> ImagesWithoutAltTextAsync(CmsDbContext db, IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        if (assetIds.Count == 0)
        {
            return [];
        }

        var candidates = await db.MediaAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id) && a.AltText == null)
            .Select(a => new { a.Id, a.Kind }).ToListAsync(cancellationToken);
        return [.. candidates.Where(a => MediaInspection.IsImage(a.Kind)).Select(a => a.Id).Order()];
    }

    /// <summary>Starts a direct upload: the row that the write-only URL's key and the later completion hang on.</summary>
    public async Task<EditResult<MediaUpload>> BeginUploadAsync(string? fileName, string contentType, long byteSize, string? sha256, string actor, TimeSpan lifetime, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<ValidationProblem>();
        if (byteSize < 1 || byteSize > maxBytes)
        {
            problems.Add(new ValidationProblem("byteSize", ValidationCodes.OutOfRange, $"A direct upload holds from 1 to {maxBytes} bytes."));
        }

        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100)
        {
            problems.Add(ValidationProblem.Required("contentType"));
        }

        if (sha256 is not null && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)))
        {
            problems.Add(new ValidationProblem("sha256", ValidationCodes.InvalidFormat, "A SHA-256 is 64 lowercase hexadecimal digits."));
        }

        if (problems.Count > 0)
        {
            return EditResult.Failure<MediaUpload>(problems);
        }

        var upload = MediaUpload.Create(MediaInspection.SafeFileName(fileName), contentType.Trim(), byteSize, sha256, actor, Now(), lifetime);
        db.MediaUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(upload);
    }

    /// <summary>A pending upload the actor started and that has not expired, or null.</summary>
    public async Task<MediaUpload?> FindUploadAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        var upload = await db.MediaUploads.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return upload is not null && upload.CreatedBy == actor && !upload.IsExpiredAt(Now()) ? upload : null;
    }

    /// <summary>Makes the asset of a completed direct upload and ends the upload, together.</summary>
    public async Task<EditResult<MediaAsset>> CompleteUploadAsync(MediaUpload upload, StoredFile file, MediaMetadata metadata, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        db.MediaUploads.Remove(upload);
        var result = await CreateAsync(file, metadata, actor, cancellationToken);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>Uploads whose time ran out, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<MediaUpload>> ExpiredUploadsAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return await db.MediaUploads.Where(u => u.ExpiresAt <= now).OrderBy(u => u.ExpiresAt).Take(max).ToListAsync(cancellationToken);
    }

    public async Task RemoveUploadAsync(MediaUpload upload, CancellationToken cancellationToken = default)
    {
        db.MediaUploads.Remove(upload);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Which of these original keys an asset (or a pending upload) still uses, and which content hashes assets have.</summary>
    public async Task<(HashSet<string> Keys, HashSet<string> Hashes)> InUseAsync(IReadOnlyCollection<string> keys, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var usedKeys = keys.Count == 0 ? [] : await db.MediaAssets.AsNoTracking().Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey)
            .Union(db.MediaUploads.AsNoTracking().Where(u => keys.Contains(u.StorageKey)).Select(u => u.StorageKey)).ToListAsync(cancellationToken);
        var usedHashes = hashes.Count == 0 ? [] : await db.MediaAssets.AsNoTracking().Where(a => hashes.Contains(a.Sha256)).Select(a => a.Sha256).Distinct().ToListAsync(cancellationToken);
        return ([.. usedKeys], [.. usedHashes]);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

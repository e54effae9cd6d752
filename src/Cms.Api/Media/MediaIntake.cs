using Cms.Model.Media;
using Cms.Model.Outcomes;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// Takes bytes in and makes assets of them, bytes first and row second: the leading bytes are inspected before anything is
/// stored, the rest is streamed to the store while it is hashed, and only then is the asset's row written. Identical bytes
/// already stored are shared (the new copy is dropped). If the row cannot be written, the new bytes are removed at once,
/// and if even that fails the sweeper removes them later; a row never points at bytes that are not there.
/// </summary>
public sealed partial class MediaIntake(IMediaStore store, MediaLibrary library, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaIntake> logger)
{
    public const string StoreUnavailableCode = "MEDIA_STORE_UNAVAILABLE";

    public async Task<EditResult<MediaAsset>> UploadAsync(Stream content, string? fileName, string? declaredType, MediaMetadata metadata, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (MediaLibrary.Validate(metadata) is { Count: > 0 } problems)
        {
            return EditResult.Failure<MediaAsset>(problems);
        }

        var head = await PrefixedStream.ReadHeadAsync(content, MediaInspection.HeadLength, cancellationToken);
        var (inspected, problem) = MediaInspection.Inspect(head, declaredType, options.Value.Policy);
        if (problem is not null)
        {
            return EditResult.Failure<MediaAsset>(problem);
        }

        var key = MediaStorageKeys.Original(Guid.CreateVersion7(clock.GetUtcNow()));
        var stored = await StoreAsync(() => store.SaveAsync(key, new PrefixedStream(head, content), inspected!.ContentType, cancellationToken));
        if (stored.ByteSize == 0)
        {
            await RemoveQuietlyAsync(key);
            return EditResult.Failure<MediaAsset>(new ValidationProblem("file", ValidationCodes.Required, "The file is empty."));
        }

        return await CreateAssetAsync(stored, key, fileName, inspected!, metadata, actor, null, cancellationToken);
    }

    /// <summary>
    /// Starts a direct upload: the row, and a short-lived, write-only URL for its key (a SAS in Azure, a signed URL on this
    /// API for the folder store).
    /// </summary>
    public async Task<(EditResult<MediaUpload> Result, Uri? Url)> BeginDirectUploadAsync(string? fileName, string contentType, long byteSize, string? sha256, string actor, Func<MediaUpload, Task<Uri>> apiUploadUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiUploadUrl);
        var settings = options.Value;
        var result = await library.BeginUploadAsync(fileName, contentType, byteSize, sha256, actor, settings.DirectUploadLifetime, settings.MaxDirectUploadBytes, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        var upload = result.Value!;
        var url = store is IDirectUploadTarget target
            ? await StoreAsync(() => target.CreateUploadUrlAsync(upload.StorageKey, upload.ExpiresAt, cancellationToken))
            : await apiUploadUrl(upload);
        return (result, url);
    }

    /// <summary>
    /// Completes a direct upload: the stored object must have the announced size, be the announced type by its bytes, and hash
    /// to the announced SHA-256 if one was given. Its bytes are copied to the asset's own key as they are hashed, so nothing
    /// written through the upload URL afterwards can change the asset.
    /// </summary>
    public async Task<EditResult<MediaAsset>> CompleteDirectUploadAsync(Guid uploadId, MediaMetadata metadata, string actor, CancellationToken cancellationToken)
    {
        if (MediaLibrary.Validate(metadata) is { Count: > 0 } problems)
        {
            return EditResult.Failure<MediaAsset>(problems);
        }

        var upload = await library.FindUploadAsync(uploadId, actor, cancellationToken);
        if (upload is null)
        {
            return EditResult.Failure<MediaAsset>(new NotFoundError("MediaUpload", uploadId.ToString()));
        }

        var size = await StoreAsync(() => store.GetSizeAsync(upload.StorageKey, cancellationToken));
        if (size != upload.ByteSize)
        {
            return EditResult.Failure<MediaAsset>(new ValidationProblem("byteSize", ValidationCodes.InvalidValue,
                size is null ? "Nothing was uploaded to the upload URL yet." : $"{size} bytes were uploaded, {upload.ByteSize} were announced."));
        }

        await using var read = await StoreAsync(() => store.OpenReadAsync(upload.StorageKey, null, cancellationToken));
        if (read is null)
        {
            return EditResult.Failure<MediaAsset>(new NotFoundError("MediaUpload", uploadId.ToString()));
        }

        var head = await PrefixedStream.ReadHeadAsync(read.Content, MediaInspection.HeadLength, cancellationToken);
        var (inspected, problem) = MediaInspection.Inspect(head, upload.ContentType, options.Value.Policy);
        if (problem is not null)
        {
            return EditResult.Failure<MediaAsset>(problem);
        }

        var key = MediaStorageKeys.Original(upload.Id);
        var stored = await StoreAsync(() => store.SaveAsync(key, new PrefixedStream(head, read.Content), inspected!.ContentType, cancellationToken));
        if (stored.ByteSize != upload.ByteSize || (upload.Sha256 is { } announced && announced != stored.Sha256))
        {
            await RemoveQuietlyAsync(key);
            return EditResult.Failure<MediaAsset>(stored.ByteSize != upload.ByteSize
                ? new ValidationProblem("byteSize", ValidationCodes.InvalidValue, "The uploaded object changed while it was being completed.")
                : new ValidationProblem("sha256", ValidationCodes.InvalidValue, $"The uploaded bytes hash to {stored.Sha256}, not to the announced {upload.Sha256}."));
        }

        var result = await CreateAssetAsync(stored, key, upload.FileName, inspected!, metadata, actor, upload, cancellationToken);
        if (result.Succeeded)
        {
            await RemoveQuietlyAsync(upload.StorageKey);
        }

        return result;
    }

    private async Task<EditResult<MediaAsset>> CreateAssetAsync(StoredMedia stored, string key, string? fileName, InspectedMedia inspected, MediaMetadata metadata, string actor, MediaUpload? upload, CancellationToken cancellationToken)
    {
        // Identical bytes stored before are shared: the asset points at them and the copy just made goes.
        var shared = await library.SharedStorageKeyAsync(stored.Sha256, stored.ByteSize, cancellationToken);
        var file = new StoredFile(shared ?? key, MediaInspection.SafeFileName(fileName), inspected.Kind, inspected.ContentType, stored.ByteSize, stored.Sha256, inspected.Size);
        EditResult<MediaAsset> result;
        try
        {
            result = upload is null
                ? await library.CreateAsync(file, metadata, actor, cancellationToken)
                : await library.CompleteUploadAsync(upload, file, metadata, actor, cancellationToken);
        }
        catch
        {
            await RemoveQuietlyAsync(key);
            throw;
        }

        if (!result.Succeeded || shared is not null)
        {
            await RemoveQuietlyAsync(key);
        }

        return result;
    }

    /// <summary>Runs a store operation; the store failing (unreachable, refusing) becomes one clear, coded error.</summary>
    private async Task<T> StoreAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (exception is not (ExecutionError or OperationCanceledException))
        {
            LogStoreFailed(logger, exception);
            throw new ExecutionError("The media store cannot be reached; nothing was saved. Try again shortly.") { Code = StoreUnavailableCode };
        }
    }

    private async Task RemoveQuietlyAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRemoveFailed(logger, exception, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The media store failed")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Key} from the media store; the sweeper will")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, string key);
}

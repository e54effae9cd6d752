using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace Cms.Api.Media;

/// <summary>
/// Azure Blob Storage: one container, one block blob per key, the content type set on the blob (so a CDN in front of it
/// serves it right). Uploads stream in blocks; nothing waits for the whole file in memory.
/// </summary>
public sealed class BlobMediaStore(BlobContainerClient container) : IMediaStore, IDirectUploadTarget, IDisposable
{
    /// <summary>
    /// A stream that cannot seek is uploaded in blocks each buffered whole: two blocks of 4 MiB in flight at a time keep the
    /// memory an upload takes small and fixed (the SDK's defaults buffer several larger blocks per upload), at nearly the
    /// same speed (docs/benchmarks.md).
    /// </summary>
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _containerReady;

    public async Task<StoredMedia> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken);
        using var hashing = new HashingStream(content);
        try
        {
            await container.GetBlobClient(MediaKeys.Checked(key)).UploadAsync(hashing, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                TransferOptions = Transfer,
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // After an outage the container may be gone (an emulator restarted, an account restored): check again next time.
            _containerReady = false;
            throw;
        }

        return new StoredMedia(key, hashing.BytesRead, hashing.Sha256());
    }

    public async Task<MediaRead?> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(MediaKeys.Checked(key));
        try
        {
            var download = await blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Range = range is { } r ? new HttpRange(r.Offset, r.Length) : default },
                cancellationToken);
            var details = download.Value.Details;
            var total = details.ContentRange is { } contentRange && contentRange.LastIndexOf('/') is var slash and >= 0 &&
                long.TryParse(contentRange[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var size)
                ? size
                : details.ContentLength;
            return new MediaRead(download.Value.Content, range?.Offset ?? 0, details.ContentLength, total);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(MediaKeys.Checked(key)).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(MediaKeys.Checked(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    /// <summary>Asks the service each time (readiness probes must see an outage), making the container if it is gone.</summary>
    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        _containerReady = false;
        await EnsureContainerAsync(cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return new StoredObject(blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <summary>
    /// A SAS that may only create or write this one blob, until <paramref name="expiresAt"/>: signed with the account key where
    /// the client has one (Azurite, development accounts), else with a user delegation key got with the managed identity
    /// (needs the Storage Blob Delegator role), so no account key is ever needed in Azure.
    /// </summary>
    public async Task<Uri> CreateUploadUrlAsync(string key, DateTime expiresAt, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(MediaKeys.Checked(key));
        var sas = new BlobSasBuilder(BlobSasPermissions.Create | BlobSasPermissions.Write, new DateTimeOffset(expiresAt, TimeSpan.Zero))
        {
            BlobContainerName = container.Name,
            BlobName = blob.Name,
            Resource = "b",
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var service = container.GetParentBlobServiceClient();
        var delegationKey = await service.GetUserDelegationKeyAsync(DateTimeOffset.UtcNow.AddMinutes(-5), sas.ExpiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(delegationKey.Value, service.AccountName) }.ToUri();
    }

    public void Dispose() => _creating.Dispose();

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            // In Azure the container comes from the deployment and creating it needs no more than the data role;
            // locally (Azurite) it is made on first use.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}

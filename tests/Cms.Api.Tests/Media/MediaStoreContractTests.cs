using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Cms.Api.Media;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Media;

/// <summary>
/// One contract for every media store, run against the folder store on a temporary folder and the Azure Blob store on a
/// real Azurite: streamed saves with size and SHA-256, whole and ranged reads, replacing, deleting, missing keys, and keys
/// that could escape the store refused.
/// </summary>
public abstract class MediaStoreContractTests
{
    protected abstract IMediaStore Store { get; }

    [Fact]
    public async Task A_save_streams_the_bytes_and_reports_their_size_and_sha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 17);

        var stored = await Store.SaveAsync("assets/a1/original", new OneWayStream(bytes), "image/jpeg", default);
        await using var read = await Store.OpenReadAsync("assets/a1/original", null, default);

        Assert.Equal((bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), (stored.ByteSize, stored.Sha256));
        Assert.NotNull(read);
        Assert.Equal((0L, (long)bytes.Length, (long)bytes.Length), (read.Offset, read.Length, read.TotalSize));
        Assert.Equal(bytes, await ReadAllAsync(read.Content));
        Assert.Equal(bytes.Length, await Store.GetSizeAsync("assets/a1/original", default));
    }

    [Fact]
    public async Task A_range_reads_only_those_bytes_and_knows_the_whole_size()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await Store.SaveAsync("assets/a2/original", new MemoryStream(bytes), "application/pdf", default);

        await using var read = await Store.OpenReadAsync("assets/a2/original", new ByteRange(1_000, 500), default);

        Assert.NotNull(read);
        Assert.Equal((1_000L, 500L, 100_000L), (read.Offset, read.Length, read.TotalSize));
        Assert.Equal(bytes.AsSpan(1_000, 500).ToArray(), await ReadAllAsync(read.Content));
    }

    [Fact]
    public async Task Saving_again_replaces_and_deleting_removes()
    {
        await Store.SaveAsync("assets/a3/original", new MemoryStream([1, 2, 3]), "image/png", default);
        await Store.SaveAsync("assets/a3/original", new MemoryStream([4, 5]), "image/png", default);
        await using (var read = await Store.OpenReadAsync("assets/a3/original", null, default))
        {
            Assert.Equal([4, 5], await ReadAllAsync(read!.Content));
        }

        Assert.True(await Store.DeleteAsync("assets/a3/original", default));
        Assert.False(await Store.DeleteAsync("assets/a3/original", default));
        Assert.Null(await Store.OpenReadAsync("assets/a3/original", null, default));
        Assert.Null(await Store.GetSizeAsync("assets/a3/original", default));
    }

    [Fact]
    public async Task Nothing_stored_reads_as_null_and_the_store_is_reachable()
    {
        await Store.CheckReachableAsync(default);

        Assert.Null(await Store.OpenReadAsync("assets/never/original", null, default));
        Assert.Null(await Store.GetSizeAsync("assets/never/original", default));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("assets/../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("assets//double")]
    [InlineData("Assets/Upper")]
    [InlineData("assets/.hidden")]
    [InlineData("assets/a b")]
    [InlineData("")]
    public async Task Keys_that_could_escape_or_are_not_ours_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream([1]), "image/png", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, null, default));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A stream that can only be read forward, in small pieces, as a request body arrives: nothing can be seeked or measured.</summary>
    private sealed class OneWayStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(Math.Min(count, 8192), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class FolderMediaStoreTests : MediaStoreContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cms-media-{Guid.NewGuid():N}");

    public FolderMediaStoreTests() => Store = new FolderMediaStore(_folder);

    protected override IMediaStore Store { get; }

    [Fact]
    public async Task A_save_leaves_no_staging_file_behind_even_when_the_source_fails()
    {
        await Assert.ThrowsAsync<IOException>(() => Store.SaveAsync("assets/broken/original", new FailingStream(), "image/png", default));

        Assert.Null(await Store.GetSizeAsync("assets/broken/original", default));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, ".staging")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The upload was cut off.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}

[Collection(AzuriteTests.Name)]
public sealed class BlobMediaStoreTests(Azurite azurite) : MediaStoreContractTests
{
    // A container per test class instance (xunit makes one per test), so tests never see each other's blobs.
    private readonly IMediaStore _store = new BlobMediaStore(new BlobContainerClient(azurite.ConnectionString, $"media-{Guid.NewGuid():N}"));

    protected override IMediaStore Store => _store;

    [Fact]
    public async Task The_blob_carries_the_content_type_for_a_cdn_to_serve()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, $"media-{Guid.NewGuid():N}");
        var store = new BlobMediaStore(container);

        await store.SaveAsync("assets/typed/original", new MemoryStream([1, 2, 3]), "image/webp", default);
        var properties = await container.GetBlobClient("assets/typed/original").GetPropertiesAsync();

        Assert.Equal("image/webp", properties.Value.ContentType);
    }
}

/// <summary>The store is chosen and checked by configuration at start-up.</summary>
public sealed class MediaStoreOptionsTests
{
    [Theory]
    [InlineData(MediaStoreKind.AzureBlob, null, null, "media", "exactly one")]
    [InlineData(MediaStoreKind.AzureBlob, "UseDevelopmentStorage=true", "https://a.blob.core.windows.net", "media", "exactly one")]
    [InlineData(MediaStoreKind.AzureBlob, null, "https://a.blob.core.windows.net", "Media_Bad", "BlobContainer")]
    [InlineData(MediaStoreKind.Folder, null, null, "media", null)]
    [InlineData(MediaStoreKind.AzureBlob, null, "https://a.blob.core.windows.net", "media", null)]
    public void Invalid_settings_name_the_setting(MediaStoreKind kind, string? connectionString, string? accountUri, string container, string? problem)
    {
        var options = new MediaStoreOptions
        {
            Kind = kind,
            Folder = "/tmp/x",
            BlobConnectionString = connectionString,
            BlobAccountUri = accountUri is null ? null : new Uri(accountUri),
            BlobContainer = container,
        };

        if (problem is null)
        {
            Assert.Null(options.Problem());
        }
        else
        {
            Assert.Contains(problem, options.Problem(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_server_refuses_to_start_with_a_blob_store_lacking_an_account()
    {
        using var api = new CmsApiFactory().WithSetting("Media:Store:Kind", "AzureBlob");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Media:Store:BlobConnectionString", error.ToString(), StringComparison.Ordinal);
    }
}

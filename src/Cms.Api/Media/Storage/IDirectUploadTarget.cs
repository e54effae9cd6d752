namespace Cms.Api.Media;

/// <summary>A store that can hand a client a short-lived, write-only URL for one key, so large files need not pass through the API.</summary>
public interface IDirectUploadTarget
{
    Task<Uri> CreateUploadUrlAsync(string key, DateTime expiresAt, CancellationToken cancellationToken);
}

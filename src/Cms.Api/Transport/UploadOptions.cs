using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>GraphQL multipart requests (file uploads).</summary>
public sealed class UploadOptions
{
    /// <summary>Largest single file, in bytes. Default 100 MiB (larger files go by direct upload).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>How long a multipart request may run, files streamed included (the ordinary ExecutionTimeout is for queries). Default 10 minutes.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most files in one request. Default 10.</summary>
    [Range(0, 1_000)]
    public int MaxFiles { get; set; } = 10;
}

using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Media;

/// <summary>Where media bytes are stored (<c>Media:Store</c>).</summary>
public sealed class MediaStoreOptions : IValidatableObject
{
    public const string SectionName = "Media:Store";

    /// <summary><c>Folder</c> (the embedded default) or <c>AzureBlob</c>.</summary>
    public MediaStoreKind Kind { get; set; } = MediaStoreKind.Folder;

    /// <summary>The folder of the folder store; by default <c>media</c> in the data directory.</summary>
    public string? Folder { get; set; }

    /// <summary>For Azurite or a development account: a connection string (never in production, where keys are off).</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>In Azure: the account's blob endpoint, reached with the app's managed identity (DefaultAzureCredential).</summary>
    public Uri? BlobAccountUri { get; set; }

    public string BlobContainer { get; set; } = "media";

    /// <summary>What is wrong with these options, or null.</summary>
    public string? Problem() => Kind switch
    {
        MediaStoreKind.Folder when string.IsNullOrWhiteSpace(Folder) => "Media:Store:Folder is required for the folder store.",
        MediaStoreKind.AzureBlob when (BlobConnectionString is null) == (BlobAccountUri is null) =>
            "The AzureBlob media store needs exactly one of Media:Store:BlobConnectionString and Media:Store:BlobAccountUri.",
        MediaStoreKind.AzureBlob when BlobAccountUri is { IsAbsoluteUri: false } or { Scheme: not "https" and not "http" } =>
            "Media:Store:BlobAccountUri must be the account's absolute blob endpoint (https://<account>.blob.core.windows.net).",
        MediaStoreKind.AzureBlob when !IsContainerName(BlobContainer) =>
            "Media:Store:BlobContainer must be 3 to 63 lowercase letters, digits and single hyphens.",
        _ => null,
    };

    private static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') &&
        name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Problem() is { } problem ? [new ValidationResult(problem)] : [];
}

using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

public static class MediaExtensions
{
    /// <summary>The media feature: the store media bytes live in (a folder, or Azure Blob Storage), chosen by configuration.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaStoreOptions>().BindConfiguration(MediaStoreOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaStoreOptions>, MediaStoreOptionsValidator>();
        services.AddSingleton<IMediaStore>(sp => Create(sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value));
        return services;
    }

    public static IMediaStore Create(MediaStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            MediaStoreKind.AzureBlob when options.BlobConnectionString is { } connectionString =>
                new BlobMediaStore(new BlobContainerClient(connectionString, options.BlobContainer)),
            MediaStoreKind.AzureBlob =>
                new BlobMediaStore(new BlobContainerClient(new Uri(options.BlobAccountUri!, options.BlobContainer), new DefaultAzureCredential())),
            _ => new FolderMediaStore(options.Folder!),
        };
    }

    /// <summary>Refuses to start with settings the store cannot work with, naming the setting.</summary>
    private sealed class MediaStoreOptionsValidator : IValidateOptions<MediaStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, MediaStoreOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

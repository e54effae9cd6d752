using Azure.Identity;
using Azure.Storage.Blobs;
using Cms.Api.SchemaCore;
using Cms.Api.Settings;
using Cms.Model.Media;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

public static class MediaFeature
{
    /// <summary>
    /// The media feature: the store media bytes live in (a folder, or Azure Blob Storage, chosen by configuration), uploads,
    /// the library's queries and mutations, renditions, and the sweeper. Files are served by <see cref="MediaEndpoints.MapMediaFiles"/>.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSettings<MediaStoreOptions>(MediaStoreOptions.SectionName);
        services.AddSettings<MediaOptions>(MediaOptions.SectionName);
        services.AddSingleton<IMediaStore>(sp => Create(sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value));
        services.AddHttpContextAccessor();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaAssetLists>();
        services.AddScoped<MediaIntake>();
        services.AddScoped<DirectUploads>();
        services.AddScoped<MediaUrls>();
        services.AddSingleton<DirectUploadLinks>();
        services.AddSingleton<MediaUrlSigner>();
        services.AddScoped<MediaSweeper>();
        services.AddSingleton<Renditions>();
        services.AddSingleton<RenditionFormats>();
        services.AddSingleton<RenditionMaker>();
        services.AddSingleton<MediaFileLookup>();
        services.AddSingleton<IQueryFields, MediaQueries>();
        services.AddSingleton<IMutationFields, MediaMutations>();
        services.AddNodeResolver<MediaAssetNodeResolver>();
        services.AddHostedService<MediaSweeperService>();
        return services;
    }

    public static IMediaStore Create(MediaStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            MediaStoreKind.AzureBlob when options.BlobConnectionString is { } connectionString =>
                new BlobMediaStore(new BlobContainerClient(connectionString, options.BlobContainer, ClientOptions())),
            MediaStoreKind.AzureBlob =>
                new BlobMediaStore(new BlobContainerClient(new Uri(options.BlobAccountUri!, options.BlobContainer), new DefaultAzureCredential(), ClientOptions())),
            _ => new FolderMediaStore(options.Folder!),
        };
    }

    /// <summary>
    /// Retries that ride out a blip but give up within seconds when the service is down, so an editor hears of an outage
    /// promptly (as MEDIA_STORE_UNAVAILABLE) instead of waiting out the SDK's default back-off.
    /// </summary>
    private static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        return options;
    }
}

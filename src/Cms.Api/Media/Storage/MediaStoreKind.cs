namespace Cms.Api.Media;

public enum MediaStoreKind
{
    Folder,
    AzureBlob,
}

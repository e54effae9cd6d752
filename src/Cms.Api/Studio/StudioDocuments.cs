using Cms.Api.Transport;
using Microsoft.Extensions.Options;

namespace Cms.Api.Studio;

/// <summary>
/// The studio's operations, as graphql-codegen wrote them while the studio was built (embedded beside its assets). The
/// studio sends each one by its id only, so these are what it runs, also where the deployment allows trusted documents only.
/// </summary>
public sealed class StudioDocuments(IOptions<StudioOptions> options) : ITrustedDocumentSource
{
    public const string ResourceName = "StudioDocuments/trusted-documents.json";

    public string Name => "The studio's operations (" + ResourceName + ")";

    public ReadOnlyMemory<byte>? ReadManifest()
    {
        if (options.Value.Enabled is not true)
        {
            return null;
        }

        using var stream = typeof(StudioDocuments).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The studio was not built into this assembly; build Cms.Api with Node.js installed.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

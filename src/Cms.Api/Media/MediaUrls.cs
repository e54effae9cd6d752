using System.Security.Claims;
using Cms.Api.Common;
using Cms.Model.Security;

namespace Cms.Api.Media;

/// <summary>What an asset's url and srcSet fields read: the renditions, and a signed grant for callers who may see unpublished media.</summary>
public sealed class MediaUrls(Renditions renditions, MediaUrlSigner signer, IServiceProvider services)
{
    public Renditions Renditions => renditions;

    /// <summary>
    /// A grant for viewers and preview tokens, whose browsers cannot send credentials with an image; null for everyone else,
    /// who see published media only, under URLs every cache may share.
    /// </summary>
    public async ValueTask<string?> AccessGrantAsync(ClaimsPrincipal? user, Guid assetId, CancellationToken cancellationToken) =>
        user.GetRole() >= Role.Viewer || user.GetPreview() is not null
            ? await signer.GrantAsync(services, assetId, cancellationToken)
            : null;
}

using Cms.Model.Media;

namespace Cms.Api.Media;

/// <summary>What serving a file reads, given to the endpoint as <c>[AsParameters]</c>.</summary>
public sealed record MediaFileServices(
    MediaAssetLists Lists,
    MediaFileLookup Lookup,
    Renditions Renditions,
    RenditionFormats Formats,
    RenditionMaker Maker,
    IMediaStore Store,
    MediaUrlSigner Signer,
    IServiceProvider Provider);

using Cms.Model.Persistence;

namespace Cms.Api.Media;

/// <summary>What receiving a direct upload's bytes reads, given to the endpoint as <c>[AsParameters]</c>.</summary>
public sealed record DirectUploadServices(CmsDbContext Db, DirectUploadLinks Links, IMediaStore Store, IServiceProvider Provider);

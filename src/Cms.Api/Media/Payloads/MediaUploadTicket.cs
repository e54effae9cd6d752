namespace Cms.Api.Media;

public sealed record MediaUploadTicket(Guid UploadId, Uri UploadUrl, DateTime ExpiresAt, IReadOnlyDictionary<string, string> Headers);

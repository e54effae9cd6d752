namespace Cms.Api.Media;

/// <summary>
/// Starting a direct upload: the intake records it and the link says where to PUT the bytes (the store's own signed URL,
/// or this API's signed upload link for the folder store).
/// </summary>
public sealed class DirectUploads(MediaIntake intake, DirectUploadLinks links, IServiceProvider services)
{
    public async Task<BeginMediaUploadPayload> BeginAsync(BeginMediaUploadInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (result, url) = await intake.BeginDirectUploadAsync(
            input.FileName, input.ContentType, input.ByteSize, input.Sha256, actor,
            upload => links.ApiUrlForAsync(services, upload, cancellationToken), cancellationToken);
        return result.Value is { } upload
            ? new BeginMediaUploadPayload(new MediaUploadTicket(upload.Id, url!, upload.ExpiresAt, links.HeadersFor(upload)), [])
            : new BeginMediaUploadPayload(null, result.Errors);
    }
}

using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Media;

/// <summary>
/// The media mutations, in the mutation-convention style (one input; a payload with the asset and typed errors). Uploading
/// streams a multipart file; large files go straight to storage with beginMediaUpload, a PUT, and completeMediaUpload.
/// </summary>
public sealed class MediaMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<MediaAssetPayloadGraphType>>("uploadMediaAsset")
            .Description("Uploads a file through a GraphQL multipart request: streamed to storage while it is checked and hashed.")
            .Argument<NonNullGraphType<UploadMediaAssetInputGraphType>>("input")
            .RequireRole(Role.Editor)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UploadMediaAssetInput>("input");
                await using var content = await input.File.OpenReadStreamAsync(ctx.CancellationToken);
                var result = await ctx.RequestServices!.GetRequiredService<MediaIntake>()
                    .UploadAsync(content, input.File.FileName, input.File.ContentType, input.ToMetadata(), ctx.User.GetActorName(), ctx.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Field<NonNullGraphType<BeginMediaUploadPayloadGraphType>>("beginMediaUpload")
            .Description("Starts a direct upload for a large file: PUT its bytes to the returned URL (write-only, short-lived) with the returned headers, then call completeMediaUpload.")
            .Argument<NonNullGraphType<BeginMediaUploadInputGraphType>>("input")
            .RequireRole(Role.Editor)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<BeginMediaUploadInput>("input");
                var services = ctx.RequestServices!;
                var links = services.GetRequiredService<DirectUploadLinks>();
                var (result, url) = await services.GetRequiredService<MediaIntake>().BeginDirectUploadAsync(
                    input.FileName, input.ContentType, input.ByteSize, input.Sha256, ctx.User.GetActorName(),
                    upload => links.ApiUrlForAsync(services, upload, ctx.CancellationToken), ctx.CancellationToken);
                return result.Value is { } upload
                    ? new BeginMediaUploadPayload(new MediaUploadTicket(upload.Id, url!, upload.ExpiresAt, links.HeadersFor(upload)), [])
                    : new BeginMediaUploadPayload(null, result.Errors);
            });

        mutation.Field<NonNullGraphType<MediaAssetPayloadGraphType>>("completeMediaUpload")
            .Description("Checks what was PUT to a direct upload's URL (size, type, hash) and makes the asset of it.")
            .Argument<NonNullGraphType<CompleteMediaUploadInputGraphType>>("input")
            .RequireRole(Role.Editor)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CompleteMediaUploadInput>("input");
                if (!Guid.TryParse(input.UploadId, out var uploadId))
                {
                    return new MediaAssetPayload(null, [new NotFoundError("MediaUpload", input.UploadId)]);
                }

                var result = await ctx.RequestServices!.GetRequiredService<MediaIntake>()
                    .CompleteDirectUploadAsync(uploadId, input.ToMetadata(), ctx.User.GetActorName(), ctx.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Field<NonNullGraphType<MediaAssetPayloadGraphType>>("updateMediaAsset")
            .Description("Changes an asset's metadata (alt text, caption, credit, license, focal point, tags); never its bytes.")
            .Argument<NonNullGraphType<UpdateMediaAssetInputGraphType>>("input")
            .RequireRole(Role.Editor)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateMediaAssetInput>("input");
                if (MediaAssetIds.TryParse(input.Id) is not { } id)
                {
                    return new MediaAssetPayload(null, [new NotFoundError("MediaAsset", input.Id)]);
                }

                var result = await ctx.RequestServices!.GetRequiredService<MediaLibrary>()
                    .UpdateAsync(id, input.ExpectedRevision, input.ToMetadata(), ctx.User.GetActorName(), ctx.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Field<NonNullGraphType<MediaAssetPayloadGraphType>>("deleteMediaAsset")
            .Description("Deletes an asset no retained article version uses (the error lists the articles that do). Its bytes go once nothing shares them.")
            .Argument<NonNullGraphType<DeleteMediaAssetInputGraphType>>("input")
            .RequireRole(Role.Publisher)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DeleteMediaAssetInput>("input");
                if (MediaAssetIds.TryParse(input.Id) is not { } id)
                {
                    return new MediaAssetPayload(null, [new NotFoundError("MediaAsset", input.Id)]);
                }

                var result = await ctx.RequestServices!.GetRequiredService<MediaLibrary>().DeleteAsync(id, ctx.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });
    }
}

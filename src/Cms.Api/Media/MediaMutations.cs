using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Media;

/// <summary>
/// The media mutations, in the mutation convention (one input; a payload with the asset and typed errors). Uploading
/// streams a multipart file; large files go straight to storage with beginMediaUpload, a PUT, and completeMediaUpload.
/// </summary>
public sealed class MediaMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Mutation<UploadMediaAssetInputGraphType, MediaAssetPayloadGraphType>("uploadMediaAsset", Role.Editor,
                "Uploads a file through a GraphQL multipart request: streamed to storage while it is checked and hashed.")
            .Handle<UploadMediaAssetInput, MediaIntake>(async (input, intake, context) =>
            {
                await using var content = await input.File.OpenReadStreamAsync(context.CancellationToken);
                var result = await intake.UploadAsync(content, input.File.FileName, input.File.ContentType, input.ToMetadata(), context.Actor, context.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Mutation<BeginMediaUploadInputGraphType, BeginMediaUploadPayloadGraphType>("beginMediaUpload", Role.Editor,
                "Starts a direct upload for a large file: PUT its bytes to the returned URL (write-only, short-lived) with the returned headers, then call completeMediaUpload.")
            .Handle<BeginMediaUploadInput, DirectUploads>(async (input, uploads, context) => await uploads.BeginAsync(input, context.Actor, context.CancellationToken));

        mutation.Mutation<CompleteMediaUploadInputGraphType, MediaAssetPayloadGraphType>("completeMediaUpload", Role.Editor,
                "Checks what was PUT to a direct upload's URL (size, type, hash) and makes the asset of it.")
            .Handle<CompleteMediaUploadInput, MediaIntake>(async (input, intake, context) =>
            {
                if (!Guid.TryParse(input.UploadId, out var uploadId))
                {
                    return new MediaAssetPayload(null, [new NotFoundError("MediaUpload", input.UploadId)]);
                }

                var result = await intake.CompleteDirectUploadAsync(uploadId, input.ToMetadata(), context.Actor, context.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Mutation<UpdateMediaAssetInputGraphType, MediaAssetPayloadGraphType>("updateMediaAsset", Role.Editor,
                "Changes an asset's metadata (alt text, caption, credit, license, focal point, tags); never its bytes.")
            .Handle<UpdateMediaAssetInput, MediaLibrary>(async (input, library, context) =>
            {
                if (MediaAssetIds.TryParse(input.Id) is not { } id)
                {
                    return new MediaAssetPayload(null, [new NotFoundError(MediaAssetGraphType.TypeName, input.Id)]);
                }

                var result = await library.UpdateAsync(id, input.ExpectedRevision, input.ToMetadata(), context.Actor, context.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });

        mutation.Mutation<DeleteMediaAssetInputGraphType, MediaAssetPayloadGraphType>("deleteMediaAsset", Role.Publisher,
                "Deletes an asset no retained article version uses (the error lists the articles that do). Its bytes go once nothing shares them.")
            .Handle<DeleteMediaAssetInput, MediaLibrary>(async (input, library, context) =>
            {
                if (MediaAssetIds.TryParse(input.Id) is not { } id)
                {
                    return new MediaAssetPayload(null, [new NotFoundError(MediaAssetGraphType.TypeName, input.Id)]);
                }

                var result = await library.DeleteAsync(id, context.Actor, context.CancellationToken);
                return new MediaAssetPayload(result.Value, result.Errors);
            });
    }
}

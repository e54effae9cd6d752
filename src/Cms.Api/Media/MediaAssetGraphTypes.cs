using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Media;

/// <summary>A stored file with its metadata; images also give URLs of renditions.</summary>
public sealed class MediaAssetGraphType : ObjectGraphType<MediaAsset>
{
    public const string TypeName = "MediaAsset";

    public MediaAssetGraphType()
    {
        Name = TypeName;
        Description = "A stored file (an image, a video, a document) with its metadata. Its bytes never change; new bytes make a new asset.";

        // Reached only through fields that decide who may see the asset (published uses are public).
        this.Public();
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global object id.").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(ctx => ctx.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("What the bytes are (found from them, not from what was claimed).").Resolve(ctx => ctx.Source.ContentType);
        Field<NonNullGraphType<LongGraphType>>("byteSize").Resolve(ctx => ctx.Source.ByteSize);
        Field<NonNullGraphType<StringGraphType>>("sha256").Description("SHA-256 of the bytes, lowercase hex; also the file's ETag.").Resolve(ctx => ctx.Source.Sha256);
        Field<IntGraphType>("width").Description("In pixels, for images.").Resolve(ctx => ctx.Source.Width);
        Field<IntGraphType>("height").Description("In pixels, for images.").Resolve(ctx => ctx.Source.Height);
        Field<StringGraphType>("altText").Description("What the image shows, for people who cannot see it; required before an article using the image is published.").Resolve(ctx => ctx.Source.AltText);
        Field<StringGraphType>("caption").Description("As this use shows it: an article's caption override replaces the asset's own.").Resolve(ctx => ctx.Source.Caption);
        Field<StringGraphType>("credit").Resolve(ctx => ctx.Source.Credit);
        Field<StringGraphType>("license").Resolve(ctx => ctx.Source.License);
        Field<FocalPointGraphType>("focalPoint").Description("As this use has it: an article's override replaces the asset's own.").Resolve(ctx => ctx.Source.FocalPoint);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags").Resolve(ctx => ctx.Source.Tags.Select(t => new Tag(t.Slug, t.Label)));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Counts metadata edits; give it as expectedRevision to updateMediaAsset.").Resolve(ctx => ctx.Source.Revision);
        Field<NonNullGraphType<StringGraphType>>("createdBy").RequireRole(Role.Viewer).Resolve(ctx => ctx.Source.CreatedBy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaUsageGraphType>>>>("usages")
            .Description("The articles whose retained versions use the asset, with those versions' numbers (drafts and deleted articles included).")
            .RequireRole(Role.Viewer)
            .ResolveAsync(async ctx =>
            {
                var usages = await ctx.RequestServices!.GetRequiredService<MediaLibrary>().UsagesAsync([ctx.Source.Id], ctx.CancellationToken);
                return usages.GetValueOrDefault(ctx.Source.Id) ?? [];
            });
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("The file's URL; with a width or height, a rendition's (images only; other files always give their own URL). " +
                "Widths snap up to the configured set. fit defaults to COVER with both width and height, else INSIDE; AUTO picks AVIF, WebP or the original type by the browser's Accept header.")
            .Argument<IntGraphType>("width")
            .Argument<IntGraphType>("height")
            .Argument<MediaFitGraphType>("fit")
            .Argument<MediaFormatGraphType>("format")
            .Argument<IntGraphType>("quality", "1 to 100; the configured default when omitted.")
            .ResolveAsync(async ctx =>
            {
                var renditions = ctx.RequestServices!.GetRequiredService<Renditions>();
                var (request, problem) = renditions.FromArguments(ctx.Source, ctx.GetArgument<int?>("width"), ctx.GetArgument<int?>("height"),
                    ctx.GetArgument<MediaFit?>("fit"), ctx.GetArgument<MediaFormat?>("format"), ctx.GetArgument<int?>("quality"));
                return problem is null ? renditions.UrlOf(ctx.Source, request, await MediaUrlAccess.AccessGrantAsync(ctx)) : throw ApiErrors.BadUserInput(problem);
            });
        Field<NonNullGraphType<StringGraphType>>("srcSet")
            .Description("A srcset attribute for responsive images: one URL per width (each snapped; by default every configured width up to the image's own).")
            .Argument<ListGraphType<NonNullGraphType<IntGraphType>>>("widths")
            .Argument<FloatGraphType>("aspectRatio", "Width divided by height, for cropped renditions (with fit COVER by default).")
            .Argument<MediaFitGraphType>("fit")
            .Argument<MediaFormatGraphType>("format")
            .Argument<IntGraphType>("quality")
            .ResolveAsync(async ctx =>
            {
                var renditions = ctx.RequestServices!.GetRequiredService<Renditions>();
                var asset = ctx.Source;
                var grant = await MediaUrlAccess.AccessGrantAsync(ctx);
                if (!Renditions.CanRender(asset.Kind))
                {
                    return string.Empty;
                }

                var ratio = ctx.GetArgument<double?>("aspectRatio");
                if (ratio is <= 0 or > 100)
                {
                    throw ApiErrors.BadUserInput("aspectRatio must be above 0 and at most 100.");
                }

                var widths = ctx.GetArgument<List<int>?>("widths")?.Select(renditions.Snap).Distinct().Order().ToList()
                    ?? renditions.WidthsUpTo(asset.Width);
                var entries = widths.Select(w =>
                {
                    var (request, problem) = renditions.FromArguments(asset, w, ratio is { } r ? (int)Math.Round(w / r) : null,
                        ctx.GetArgument<MediaFit?>("fit"), ctx.GetArgument<MediaFormat?>("format"), ctx.GetArgument<int?>("quality"));
                    return problem is null ? (Url: renditions.UrlOf(asset, request, grant), Width: DeliveredWidth(asset, request!)) : throw ApiErrors.BadUserInput(problem);
                });
                // A browser picks a candidate by its descriptor, so it must be the width the file will have.
                return string.Join(", ", entries.DistinctBy(e => e.Width).Select(e => $"{e.Url} {e.Width}w"));
            });
    }

    /// <summary>INSIDE never enlarges: asked for more than the image's own width, the file has the image's width.</summary>
    private static int DeliveredWidth(MediaAsset asset, RenditionRequest request) =>
        request.Fit == MediaFit.Inside && asset.Width is { } own && request.Width > own ? own : request.Width!.Value;
}

/// <summary>Signed file URLs for callers who may see unpublished media, whose browsers cannot send credentials with an image.</summary>
internal static class MediaUrlAccess
{
    public static async ValueTask<string?> AccessGrantAsync(IResolveFieldContext<MediaAsset> context) =>
        context.User.GetRole() >= Role.Viewer || context.User.GetPreview() is not null
            ? await context.RequestServices!.GetRequiredService<MediaUrlSigner>().GrantAsync(context.RequestServices!, context.Source.Id, context.CancellationToken)
            : null;
}

public sealed class MediaUsageGraphType : ObjectGraphType<MediaUsage>
{
    public MediaUsageGraphType()
    {
        Name = "MediaUsage";
        Description = "An article that uses an asset, and the numbers of its versions that do.";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IdGraphType>>("articleId").Description("The article's global id.").Resolve(ctx => GlobalId.Encode("Article", ctx.Source.ArticleId));
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("versions").Resolve(ctx => ctx.Source.VersionNumbers);
    }
}

public sealed class MediaFitGraphType : EnumerationGraphType<MediaFit>
{
    public MediaFitGraphType()
    {
        Name = "MediaFit";
        Description = "How a rendition fills its box: COVER crops around the focal point, CONTAIN and INSIDE fit inside it (INSIDE never enlarges), FILL stretches.";
    }
}

public sealed class MediaFormatGraphType : EnumerationGraphType<MediaFormat>
{
    public MediaFormatGraphType()
    {
        Name = "MediaFormat";
        Description = "ORIGINAL keeps the file's type; AUTO picks AVIF, then WebP, then the original by the browser's Accept header (answers vary by Accept).";
    }
}

public sealed class MediaAssetFilterInputGraphType : InputObjectGraphType<MediaAssetFilter>
{
    public MediaAssetFilterInputGraphType()
    {
        Name = "MediaAssetFilterInput";
        Field<ListGraphType<NonNullGraphType<MediaAssetFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<MediaAssetFilterInputGraphType>>>("or");
        Field<StringOperationFilterInputGraphType>("fileName");
        Field<StringOperationFilterInputGraphType>("contentType");
        Field<ListFilterInputTypeOfTagFilterInputGraphType>("tags");
        Field<BooleanOperationFilterInputGraphType>("isUsed").Description("Whether any retained article version uses the asset.");
    }
}

public sealed class MediaAssetSortInputGraphType : InputObjectGraphType<object>
{
    public MediaAssetSortInputGraphType()
    {
        Name = "MediaAssetSortInput";
        Description = "One field: createdAt (newest first by default) or fileName; ties are broken by id.";
        Field<SortEnumGraphType>("createdAt");
        Field<SortEnumGraphType>("fileName");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Where(e => e.Value is SortDirection).Select(e => new MediaAssetSort(
            e.Key == "fileName" ? MediaAssetSortField.FileName : MediaAssetSortField.CreatedAt, (SortDirection)e.Value! == SortDirection.Descending)).ToList();
    }
}

/// <summary>The metadata an editor gives an asset, shared by upload, completion and update.</summary>
public abstract record MediaMetadataInput
{
    public string? AltText { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public string? License { get; init; }

    public FocalPointInput? FocalPoint { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public MediaMetadata ToMetadata() => new(AltText, Caption, Credit, License, FocalPoint?.ToFocalPoint(), Tags);
}

public sealed record UploadMediaAssetInput : MediaMetadataInput
{
    public FileUpload File { get; init; } = null!;
}

public sealed record CompleteMediaUploadInput : MediaMetadataInput
{
    public string UploadId { get; init; } = string.Empty;
}

public sealed record UpdateMediaAssetInput : MediaMetadataInput
{
    public string Id { get; init; } = string.Empty;

    public int? ExpectedRevision { get; init; }
}

public sealed record DeleteMediaAssetInput(string Id);

public sealed record BeginMediaUploadInput(string? FileName, string ContentType, long ByteSize, string? Sha256);

internal static class MediaMetadataFields
{
    public static void Add<T>(InputObjectGraphType<T> input)
    {
        input.Field<StringGraphType>("altText").Description("Required (for images) before an article version using the asset is published. An empty string clears a field.");
        input.Field<StringGraphType>("caption");
        input.Field<StringGraphType>("credit");
        input.Field<StringGraphType>("license");
        input.Field<FocalPointInputGraphType>("focalPoint");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Labels; replaces the asset's tags when given.");
    }
}

public sealed class UploadMediaAssetInputGraphType : InputObjectGraphType<UploadMediaAssetInput>
{
    public UploadMediaAssetInputGraphType()
    {
        Name = "UploadMediaAssetInput";
        Field<NonNullGraphType<UploadGraphType>>("file").Description("The file, as a GraphQL multipart request sends it.");
        MediaMetadataFields.Add(this);
    }
}

public sealed class CompleteMediaUploadInputGraphType : InputObjectGraphType<CompleteMediaUploadInput>
{
    public CompleteMediaUploadInputGraphType()
    {
        Name = "CompleteMediaUploadInput";
        Field<NonNullGraphType<IdGraphType>>("uploadId").Description("As beginMediaUpload gave it.");
        MediaMetadataFields.Add(this);
    }
}

public sealed class UpdateMediaAssetInputGraphType : InputObjectGraphType<UpdateMediaAssetInput>
{
    public UpdateMediaAssetInputGraphType()
    {
        Name = "UpdateMediaAssetInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IntGraphType>("expectedRevision").Description("The revision the edit is based on; refused with a VersionConflictError if someone edited since.");
        MediaMetadataFields.Add(this);
    }
}

public sealed class DeleteMediaAssetInputGraphType : InputObjectGraphType<DeleteMediaAssetInput>
{
    public DeleteMediaAssetInputGraphType()
    {
        Name = "DeleteMediaAssetInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

public sealed class BeginMediaUploadInputGraphType : InputObjectGraphType<BeginMediaUploadInput>
{
    public BeginMediaUploadInputGraphType()
    {
        Name = "BeginMediaUploadInput";
        Field<StringGraphType>("fileName");
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("What the file is; its bytes must turn out to be this.");
        Field<NonNullGraphType<LongGraphType>>("byteSize").Description("Exactly how many bytes will be uploaded.");
        Field<StringGraphType>("sha256").Description("Optional: the SHA-256 the bytes must hash to (lowercase hex).");
    }
}

public sealed record MediaAssetPayload(MediaAsset? MediaAsset, IReadOnlyList<EditError> Errors);

public sealed record MediaUploadTicket(Guid UploadId, Uri UploadUrl, DateTime ExpiresAt, IReadOnlyDictionary<string, string> Headers);

public sealed record BeginMediaUploadPayload(MediaUploadTicket? Upload, IReadOnlyList<EditError> Errors);

public sealed class AssetInUseErrorGraphType : UserErrorGraphType<AssetInUseError>
{
    public AssetInUseErrorGraphType()
        : base("AssetInUseError", "Retained article versions use the asset; it cannot be deleted while they do.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaUsageGraphType>>>>("articles").Resolve(ctx => ctx.Source.Articles);
}

public sealed class MediaErrorUnion : UnionGraphType
{
    public MediaErrorUnion()
    {
        Name = "MediaError";
        Description = "Why a media mutation did not happen.";
        this.Public();
        Type<ValidationErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
        Type<AssetInUseErrorGraphType>();
    }
}

public sealed class MediaAssetPayloadGraphType : ObjectGraphType<MediaAssetPayload>
{
    public MediaAssetPayloadGraphType()
    {
        Name = "MediaAssetPayload";
        this.Public();
        Field<MediaAssetGraphType>("mediaAsset").Resolve(ctx => ctx.Source.MediaAsset);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class MediaUploadTicketGraphType : ObjectGraphType<MediaUploadTicket>
{
    public MediaUploadTicketGraphType()
    {
        Name = "MediaUpload";
        Description = "Where to PUT a file's bytes, until when, and the headers to send; then call completeMediaUpload with the id.";
        this.RequireRole(Role.Editor);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.UploadId.ToString("N"));
        Field<NonNullGraphType<StringGraphType>>("url").Description("Write-only and short-lived; PUT the whole file here in one request.").Resolve(ctx => ctx.Source.UploadUrl.ToString());
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UploadHeaderGraphType>>>>("headers").Resolve(ctx => ctx.Source.Headers.ToList());
    }
}

public sealed class UploadHeaderGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public UploadHeaderGraphType()
    {
        Name = "UploadHeader";
        this.RequireRole(Role.Editor);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(ctx => ctx.Source.Value);
    }
}

public sealed class BeginMediaUploadPayloadGraphType : ObjectGraphType<BeginMediaUploadPayload>
{
    public BeginMediaUploadPayloadGraphType()
    {
        Name = "BeginMediaUploadPayload";
        this.Public();
        Field<MediaUploadTicketGraphType>("upload").Resolve(ctx => ctx.Source.Upload);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

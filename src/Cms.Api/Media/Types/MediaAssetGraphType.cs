using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Api.Taxonomy;
using Cms.Model.Media;
using Cms.Model.Security;
using Cms.Model.Taxonomy;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Media;

/// <summary>A stored file with its metadata; images also give URLs of renditions.</summary>
public sealed class MediaAssetGraphType : ObjectGraphType<MediaAsset>
{
    public const string TypeName = NodeTypeNames.MediaAsset;

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
            .Resolve()
            .WithService<MediaLibrary>()
            .ResolveAsync(async (ctx, library) =>
            {
                var usages = await library.UsagesAsync([ctx.Source.Id], ctx.CancellationToken);
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
            .Resolve()
            .WithService<MediaUrls>()
            .ResolveAsync(async (ctx, urls) =>
            {
                var renditions = urls.Renditions;
                var (request, problem) = renditions.FromArguments(ctx.Source, ctx.GetArgument<int?>("width"), ctx.GetArgument<int?>("height"),
                    ctx.GetArgument<MediaFit?>("fit"), ctx.GetArgument<MediaFormat?>("format"), ctx.GetArgument<int?>("quality"));
                return problem is null ? renditions.UrlOf(ctx.Source, request, await urls.AccessGrantAsync(ctx.User, ctx.Source.Id, ctx.CancellationToken)) : throw ApiErrors.BadUserInput(problem);
            });
        Field<NonNullGraphType<StringGraphType>>("srcSet")
            .Description("A srcset attribute for responsive images: one URL per width (each snapped; by default every configured width up to the image's own).")
            .Argument<ListGraphType<NonNullGraphType<IntGraphType>>>("widths")
            .Argument<FloatGraphType>("aspectRatio", "Width divided by height, for cropped renditions (with fit COVER by default).")
            .Argument<MediaFitGraphType>("fit")
            .Argument<MediaFormatGraphType>("format")
            .Argument<IntGraphType>("quality")
            .Resolve()
            .WithService<MediaUrls>()
            .ResolveAsync(async (ctx, urls) =>
            {
                var renditions = urls.Renditions;
                var asset = ctx.Source;
                var grant = await urls.AccessGrantAsync(ctx.User, asset.Id, ctx.CancellationToken);
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

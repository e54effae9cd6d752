using System.Collections.Concurrent;
using System.Globalization;
using Cms.Model.Articles;
using Cms.Model.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace Cms.Api.Media;

/// <summary>
/// Renditions with libvips: made on first request from the original (shrink-on-load, so a large JPEG is never decoded
/// whole), kept in the media store under the bytes' hash and the parameters, so every later request is a read. Only a few
/// are made at once, whatever the traffic, to bound memory.
/// </summary>
public sealed partial class RenditionMaker(IMediaStore store, IOptions<MediaOptions> options, ILogger<RenditionMaker> logger) : IDisposable
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        // Renditions are stored; libvips' own operation cache would only hold memory.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
        return true;
    });

    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount / 2), Math.Max(1, Environment.ProcessorCount / 2));
    private readonly ConcurrentDictionary<string, Lazy<Task<MadeRendition?>>> _inFlight = new(StringComparer.Ordinal);

    // Renditions never change once stored, so their sizes are remembered here and a cached one costs no store round trip
    // before it is read. Bounded: past the limit it starts again empty (the store still has them all).
    private readonly ConcurrentDictionary<string, long> _known = new(StringComparer.Ordinal);

    public async Task<MadeRendition?> GetOrMakeAsync(MediaAsset asset, RenditionRequest request, MediaKind format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        var quality = request.Quality ?? options.Value.DefaultQuality;
        var variant = Variant(request, format, quality);
        var key = MediaStorageKeys.Rendition(asset.Sha256, variant);
        var contentType = MediaInspection.ContentTypeOf(format);
        var etag = $"{asset.Sha256[..16]}-{variant}";
        long? size = _known.TryGetValue(key, out var known) ? known : await store.GetSizeAsync(key, cancellationToken);
        if (size is { } existing)
        {
            Remember(key, existing);
            return new MadeRendition(key, contentType, existing, etag);
        }

        // Two requests for one new rendition make it once.
        var job = _inFlight.GetOrAdd(key, _ => new Lazy<Task<MadeRendition?>>(() => MakeAsync(asset, request, format, quality, key, contentType, etag)));
        try
        {
            return await job.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (job.Value.IsCompleted)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<MadeRendition?>>>(key, job));
            }
        }
    }

    /// <summary>Forgets a rendition the store turned out not to have (swept with its asset's bytes).</summary>
    public void Forget(string key) => _known.TryRemove(key, out _);

    public void Dispose() => _slots.Dispose();

    private void Remember(string key, long size)
    {
        if (_known.Count >= 100_000)
        {
            _known.Clear();
        }

        _known[key] = size;
    }

    /// <summary>The name a rendition is stored under: every parameter that changes its bytes.</summary>
    internal static string Variant(RenditionRequest request, MediaKind format, int quality) => string.Create(CultureInfo.InvariantCulture,
        $"w{request.Width?.ToString(CultureInfo.InvariantCulture) ?? "-"}-h{request.Height?.ToString(CultureInfo.InvariantCulture) ?? "-"}-{request.Fit.ToString().ToLowerInvariant()}" +
        $"-q{quality}{(request.Focal is { } f ? $"-f{f.X:0.###}x{f.Y:0.###}" : string.Empty)}.{Extension(format)}");

    private async Task<MadeRendition?> MakeAsync(MediaAsset asset, RenditionRequest request, MediaKind format, int quality, string key, string contentType, string etag)
    {
        _ = Configured.Value;
        var original = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        await _slots.WaitAsync();
        try
        {
            await using (var read = await store.OpenReadAsync(asset.StorageKey, null, CancellationToken.None))
            {
                if (read is null)
                {
                    return null;
                }

                await using var file = File.Create(original);
                await read.Content.CopyToAsync(file);
            }

            await Task.Run(() => Render(original, output, asset, request, format, quality, options.Value.MaxRenditionDimension));
            await using (var rendered = File.OpenRead(output))
            {
                var stored = await store.SaveAsync(key, rendered, contentType, CancellationToken.None);
                Remember(key, stored.ByteSize);
                return new MadeRendition(key, contentType, stored.ByteSize, etag);
            }
        }
        catch (VipsException exception)
        {
            LogRenderFailed(logger, exception, asset.Id);
            return null;
        }
        finally
        {
            _slots.Release();
            File.Delete(original);
            File.Delete(output);
        }
    }

    /// <summary>Resizes as the fit mode says (never past the original's size, except CONTAIN up to the cap) and encodes.</summary>
    internal static void Render(string originalPath, string outputPath, MediaAsset asset, RenditionRequest request, MediaKind format, int quality, int cap)
    {
        var (ow, oh) = (asset.Width ?? 1, asset.Height ?? 1);
        var box = (W: request.Width ?? cap, H: request.Height ?? cap);
        using var image = request.Fit switch
        {
            MediaFit.Cover when request.Width is { } w && request.Height is { } h => Cover(originalPath, ow, oh, Math.Min(w, cap), Math.Min(h, cap), request.Focal ?? asset.FocalPoint ?? FocalPoint.Center),
            MediaFit.Fill when request.Width is not null && request.Height is not null => Image.Thumbnail(originalPath, box.W, height: box.H, size: Enums.Size.Force, failOn: Enums.FailOn.Error),
            MediaFit.Contain => Image.Thumbnail(originalPath, box.W, height: box.H, size: Enums.Size.Both, failOn: Enums.FailOn.Error),
            _ => Image.Thumbnail(originalPath, box.W, height: box.H, size: Enums.Size.Down, failOn: Enums.FailOn.Error),
        };
        using var output = File.Create(outputPath);
        switch (format)
        {
            case MediaKind.Avif:
                image.HeifsaveStream(output, q: quality, compression: Enums.ForeignHeifCompression.Av1, effort: 4, keep: Enums.ForeignKeep.Icc);
                break;
            case MediaKind.WebP:
                image.WebpsaveStream(output, q: quality, keep: Enums.ForeignKeep.Icc);
                break;
            case MediaKind.Png:
                image.PngsaveStream(output, keep: Enums.ForeignKeep.Icc);
                break;
            case MediaKind.Gif:
                image.GifsaveStream(output, keep: Enums.ForeignKeep.None);
                break;
            default:
                image.JpegsaveStream(output, q: quality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.Icc);
                break;
        }
    }

    /// <summary>Scales the image to just cover the box, then cuts the box out centred on the focal point as far as the edges allow.</summary>
    private static Image Cover(string originalPath, int ow, int oh, int width, int height, FocalPoint focal)
    {
        var scale = Math.Min(1.0, Math.Max((double)width / ow, (double)height / oh));
        var (boxW, boxH) = (Math.Min(width, (int)Math.Round(ow * scale)), Math.Min(height, (int)Math.Round(oh * scale)));
        using var scaled = Image.Thumbnail(originalPath, Math.Max(boxW, (int)Math.Ceiling(ow * scale)), height: Math.Max(boxH, (int)Math.Ceiling(oh * scale)),
            size: Enums.Size.Force, failOn: Enums.FailOn.Error);
        var left = Math.Clamp((int)Math.Round((focal.X * scaled.Width) - (boxW / 2.0)), 0, scaled.Width - boxW);
        var top = Math.Clamp((int)Math.Round((focal.Y * scaled.Height) - (boxH / 2.0)), 0, scaled.Height - boxH);
        return scaled.Crop(left, top, boxW, boxH);
    }

    private static string Extension(MediaKind format) => format switch
    {
        MediaKind.Avif => "avif",
        MediaKind.WebP => "webp",
        MediaKind.Png => "png",
        MediaKind.Gif => "gif",
        _ => "jpg",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not render media asset {AssetId}")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, Guid assetId);
}

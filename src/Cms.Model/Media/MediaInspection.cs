using System.Buffers.Binary;
using System.Text;
using Cms.Model.Outcomes;

namespace Cms.Model.Media;

/// <summary>
/// What an upload's leading bytes say: its kind (by signature), the content type that goes with it, and for images the
/// size in the header, read without decoding a pixel, so that a decompression bomb (a small file declaring an enormous
/// image) is refused before anything would decode it.
/// </summary>
public static class MediaInspection
{
    /// <summary>How many leading bytes the inspection reads: enough for every signature and image header handled.</summary>
    public const int HeadLength = 64 * 1024;

    /// <summary>
    /// Checks an upload by its leading bytes against what the client declared: the kind must be allowed, the declared type
    /// must be the detected one (an image/png that is a PDF, or an HTML page named .jpg, is refused), and an image must
    /// declare a readable size within the policy's limits.
    /// </summary>
    public static (InspectedMedia? Media, ValidationProblem? Problem) Inspect(ReadOnlySpan<byte> head, string? declaredContentType, MediaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var kind = Detect(head);
        if (kind == MediaKind.Unknown || (kind is MediaKind.Svg or MediaKind.Html && !policy.AllowMarkup))
        {
            return (null, new ValidationProblem("file", ValidationCodes.InvalidFormat,
                "This kind of file is not accepted: JPEG, PNG, WebP, GIF, AVIF, PDF and MP4 are."));
        }

        var contentType = ContentTypeOf(kind);
        var declared = declaredContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(declared) && !string.Equals(declared, contentType, StringComparison.OrdinalIgnoreCase) &&
            !(kind == MediaKind.Jpeg && string.Equals(declared, "image/jpg", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new ValidationProblem("file", ValidationCodes.InvalidFormat,
                $"The file was sent as {declared} but its content is {contentType}."));
        }

        PixelSize? size = null;
        if (IsImage(kind) && kind != MediaKind.Svg)
        {
            size = SizeOf(kind, head);
            if (size is null)
            {
                return (null, new ValidationProblem("file", ValidationCodes.InvalidFormat, "The image's header does not say how large it is."));
            }

            if (size.Value.Width > policy.MaxDimension || size.Value.Height > policy.MaxDimension || size.Value.Pixels > policy.MaxPixels)
            {
                return (null, new ValidationProblem("file", ValidationCodes.OutOfRange,
                    $"The image declares {size.Value.Width} × {size.Value.Height} pixels; at most {policy.MaxDimension} on a side and {policy.MaxPixels:N0} in all are accepted."));
            }
        }

        return (new InspectedMedia(kind, contentType, size), null);
    }

    public static string ContentTypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.Gif => "image/gif",
        MediaKind.WebP => "image/webp",
        MediaKind.Avif => "image/avif",
        MediaKind.Pdf => "application/pdf",
        MediaKind.Mp4 => "video/mp4",
        MediaKind.Svg => "image/svg+xml",
        MediaKind.Html => "text/html",
        _ => "application/octet-stream",
    };

    public static bool IsImage(MediaKind kind) => kind is MediaKind.Jpeg or MediaKind.Png or MediaKind.Gif or MediaKind.WebP or MediaKind.Avif or MediaKind.Svg;

    /// <summary>The kind the bytes are, by their signature.</summary>
    public static MediaKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaKind.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaKind.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return MediaKind.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaKind.WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return MediaKind.Pdf;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8) ? MediaKind.Avif : MediaKind.Mp4;
        }

        return DetectMarkup(head);
    }

    /// <summary>The pixel size an image's header declares, or null when the bytes hold none that can be read.</summary>
    public static PixelSize? SizeOf(MediaKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        MediaKind.Png when head.Length >= 24 && head[12..16].SequenceEqual("IHDR"u8) =>
            Checked(BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..])),
        MediaKind.Gif when head.Length >= 10 => new PixelSize(BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..])),
        MediaKind.Jpeg => JpegSize(head),
        MediaKind.WebP => WebPSize(head),
        MediaKind.Avif => AvifSize(head),
        _ => null,
    };

    /// <summary>
    /// A file name safe to store and to send back in Content-Disposition: its last path segment only, without control
    /// characters or characters reserved on common file systems, not a reserved device name, at most 200 characters
    /// (keeping the extension).
    /// </summary>
    public static string SafeFileName(string? name)
    {
        const int MaxLength = 200;
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || "<>:\"|?*".Contains(c, StringComparison.Ordinal) ? '-' : c);
        }

        var safe = builder.ToString().Trim().Trim('.', ' ');
        var stem = safe.Split('.')[0];
        if (ReservedNames.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            safe = "_" + safe;
        }

        if (safe.Length == 0)
        {
            return "file";
        }

        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            safe = extension.Length is > 0 and <= 16 ? safe[..(MaxLength - extension.Length)] + extension : safe[..MaxLength];
        }

        return safe;
    }

    private static readonly string[] ReservedNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    private static MediaKind DetectMarkup(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) ||
            (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<svg", StringComparison.OrdinalIgnoreCase)))
        {
            return MediaKind.Svg;
        }

        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? MediaKind.Html
            : MediaKind.Unknown;
    }

    private static PixelSize? Checked(uint width, uint height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new PixelSize((int)width, (int)height);

    /// <summary>Walks the JPEG markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.</summary>
    private static PixelSize? JpegSize(ReadOnlySpan<byte> head)
    {
        var position = 2;
        while (position + 9 < head.Length)
        {
            if (head[position] != 0xFF)
            {
                return null;
            }

            var marker = head[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(head[(position + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Checked(BinaryPrimitives.ReadUInt16BigEndian(head[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(head[(position + 5)..]));
            }

            position += 2 + length;
        }

        return null;
    }

    private static PixelSize? WebPSize(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30)
        {
            return null;
        }

        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // 24-bit canvas width and height, each minus one.
            return Checked(Read24(head[24..]) + 1, Read24(head[27..]) + 1);
        }

        if (chunk.SequenceEqual("VP8L"u8) && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Checked((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
        {
            return Checked(BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFFu);
        }

        return null;
    }

    private static uint Read24(ReadOnlySpan<byte> bytes) => (uint)(bytes[0] | (bytes[1] << 8) | (bytes[2] << 16));

    /// <summary>AVIF (HEIF): the image spatial extents property ('ispe': version and flags, then width and height).</summary>
    private static PixelSize? AvifSize(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("ispe"u8);
        return at >= 0 && at + 16 <= head.Length
            ? Checked(BinaryPrimitives.ReadUInt32BigEndian(head[(at + 8)..]), BinaryPrimitives.ReadUInt32BigEndian(head[(at + 12)..]))
            : null;
    }
}

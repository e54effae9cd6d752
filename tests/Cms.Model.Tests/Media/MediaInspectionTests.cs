using System.Buffers.Binary;
using System.Text;
using Cms.Model.Media;
using Cms.Model.Outcomes;

namespace Cms.Model.Tests.Media;

/// <summary>Uploads judged by their bytes: signatures, declared against detected types, header sizes, bombs, markup, names.</summary>
public sealed class MediaInspectionTests
{
    private static readonly MediaPolicy Default = new();

    public static TheoryData<string, MediaKind, int, int> Images => new()
    {
        { "png", MediaKind.Png, 640, 480 },
        { "gif", MediaKind.Gif, 320, 200 },
        { "jpeg", MediaKind.Jpeg, 1920, 1080 },
        { "webp-vp8x", MediaKind.WebP, 4000, 3000 },
        { "webp-vp8l", MediaKind.WebP, 100, 50 },
        { "webp-vp8", MediaKind.WebP, 800, 600 },
        { "avif", MediaKind.Avif, 1200, 800 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Images_are_recognised_by_signature_and_sized_from_their_header(string sample, MediaKind kind, int width, int height)
    {
        var head = Sample(sample, width, height);

        var (media, problem) = MediaInspection.Inspect(head, MediaInspection.ContentTypeOf(kind), Default);

        Assert.Null(problem);
        Assert.Equal(new InspectedMedia(kind, MediaInspection.ContentTypeOf(kind), new PixelSize(width, height)), media);
    }

    [Fact]
    public void Documents_and_video_are_accepted_without_a_size()
    {
        Assert.Equal(MediaKind.Pdf, MediaInspection.Inspect("%PDF-1.7\n%âãÏÓ"u8, "application/pdf", Default).Media!.Kind);
        Assert.Equal(MediaKind.Mp4, MediaInspection.Inspect(Box("ftyp", "isom"u8.ToArray()), "video/mp4", Default).Media!.Kind);
    }

    [Fact]
    public void A_declared_type_that_is_not_the_content_is_refused()
    {
        var (_, pdfAsPng) = MediaInspection.Inspect("%PDF-1.7"u8, "image/png", Default);
        var (_, htmlAsJpeg) = MediaInspection.Inspect("<!DOCTYPE html><script>alert(1)</script>"u8, "image/jpeg", Default);
        var (jpg, _) = MediaInspection.Inspect(Sample("jpeg", 10, 10), "image/jpg", Default);

        Assert.Equal(ValidationCodes.InvalidFormat, pdfAsPng!.Code);
        Assert.Contains("application/pdf", pdfAsPng.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationCodes.InvalidFormat, htmlAsJpeg!.Code);
        Assert.NotNull(jpg);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", MediaKind.Svg)]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", MediaKind.Svg)]
    [InlineData("\uFEFF<html><body>hi</body></html>", MediaKind.Html)]
    public void Markup_is_refused_unless_the_policy_allows_it(string text, MediaKind kind)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var (_, refused) = MediaInspection.Inspect(bytes, null, Default);
        var (allowed, _) = MediaInspection.Inspect(bytes, null, Default with { AllowMarkup = true });

        Assert.Equal(ValidationCodes.InvalidFormat, refused!.Code);
        Assert.Equal(kind, allowed!.Kind);
    }

    [Fact]
    public void Unknown_bytes_are_refused()
    {
        var (_, problem) = MediaInspection.Inspect([0x4D, 0x5A, 0x90, 0x00], "application/octet-stream", Default);

        Assert.Equal(ValidationCodes.InvalidFormat, problem!.Code);
    }

    [Theory]
    [InlineData("png", 100_000, 100_000)]
    [InlineData("gif", 65_535, 65_535)]
    [InlineData("png", 12_000, 12_000)]
    public void A_decompression_bomb_is_refused_from_its_header_alone(string sample, int width, int height)
    {
        var (media, problem) = MediaInspection.Inspect(Sample(sample, width, height), null, Default);

        Assert.Null(media);
        Assert.Equal(ValidationCodes.OutOfRange, problem!.Code);
    }

    [Fact]
    public void An_image_whose_header_gives_no_size_is_refused()
    {
        var (_, problem) = MediaInspection.Inspect([0xFF, 0xD8, 0xFF, 0xE0, 0x00], "image/jpeg", Default);

        Assert.Equal(ValidationCodes.InvalidFormat, problem!.Code);
    }

    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\Desktop\\Marathon map.png", "Marathon map.png")]
    [InlineData("bad\u0000na\u001Fme?.pdf", "bad-na-me-.pdf")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("nul", "_nul")]
    [InlineData("  ..hidden..  ", "hidden")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("/", "file")]
    [InlineData("Ελληνικά.webp", "Ελληνικά.webp")]
    public void File_names_keep_only_a_safe_last_segment(string? name, string expected) =>
        Assert.Equal(expected, MediaInspection.SafeFileName(name));

    [Fact]
    public void Long_file_names_are_cut_keeping_the_extension()
    {
        var name = MediaInspection.SafeFileName(new string('a', 300) + ".jpeg");

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".jpeg", name, StringComparison.Ordinal);
    }

    /// <summary>The smallest header of each kind that carries a size, as the format specifications lay them out.</summary>
    private static byte[] Sample(string sample, int width, int height)
    {
        switch (sample)
        {
            case "png":
                {
                    var bytes = new byte[33];
                    new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
                    BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
                    "IHDR"u8.CopyTo(bytes.AsSpan(12));
                    BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
                    BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
                    return bytes;
                }

            case "gif":
                {
                    var bytes = new byte[13];
                    "GIF89a"u8.CopyTo(bytes);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
                    return bytes;
                }

            case "jpeg":
                {
                    // SOI, an APP0 segment of 16 bytes, then SOF0: length, precision, height, width.
                    var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
                    bytes.AddRange(new byte[14]);
                    bytes.AddRange([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
                    bytes.AddRange(new byte[16]);
                    return [.. bytes];
                }

            case "webp-vp8x":
                {
                    var bytes = WebP("VP8X", 30);
                    WriteUInt24(bytes, 24, width - 1);
                    WriteUInt24(bytes, 27, height - 1);
                    return bytes;
                }

            case "webp-vp8l":
                {
                    var bytes = WebP("VP8L", 30);
                    bytes[20] = 0x2F;
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), (uint)((width - 1) | ((height - 1) << 14)));
                    return bytes;
                }

            case "webp-vp8":
                {
                    var bytes = WebP("VP8 ", 30);
                    bytes[23] = 0x9D;
                    bytes[24] = 0x01;
                    bytes[25] = 0x2A;
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), (ushort)width);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), (ushort)height);
                    return bytes;
                }

            case "avif":
                {
                    var ispe = new byte[8];
                    BinaryPrimitives.WriteUInt32BigEndian(ispe, (uint)width);
                    BinaryPrimitives.WriteUInt32BigEndian(ispe.AsSpan(4), (uint)height);
                    return [.. Box("ftyp", "avif"u8.ToArray()), .. Box("ispe", [0, 0, 0, 0, .. ispe])];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(sample));
        }
    }

    private static byte[] WebP(string chunk, int length)
    {
        var bytes = new byte[length];
        "RIFF"u8.CopyTo(bytes);
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        Encoding.ASCII.GetBytes(chunk).CopyTo(bytes, 12);
        return bytes;
    }

    private static void WriteUInt24(byte[] bytes, int at, int value)
    {
        bytes[at] = (byte)value;
        bytes[at + 1] = (byte)(value >> 8);
        bytes[at + 2] = (byte)(value >> 16);
    }

    /// <summary>An ISO base media box: size, type, content.</summary>
    private static byte[] Box(string type, byte[] content)
    {
        var bytes = new byte[8 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)bytes.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(bytes, 4);
        content.CopyTo(bytes, 8);
        return bytes;
    }
}

using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaFormatGraphType : EnumerationGraphType<MediaFormat>
{
    public MediaFormatGraphType()
    {
        Name = "MediaFormat";
        Description = "ORIGINAL keeps the file's type; AUTO picks AVIF, then WebP, then the original by the browser's Accept header (answers vary by Accept).";
    }
}

using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Taxonomy;
using GraphQL;
using GraphQL.MicrosoftDI;
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

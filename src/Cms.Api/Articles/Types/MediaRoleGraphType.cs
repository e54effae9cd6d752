using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Media;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class MediaRoleGraphType : EnumerationGraphType<MediaRole>
{
    public MediaRoleGraphType()
    {
        Name = "MediaRole";
    }
}

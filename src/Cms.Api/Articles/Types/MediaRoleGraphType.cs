using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class MediaRoleGraphType : EnumerationGraphType<MediaRole>
{
    public MediaRoleGraphType()
    {
        Name = "MediaRole";
    }
}

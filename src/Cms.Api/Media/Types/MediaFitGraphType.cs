using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaFitGraphType : EnumerationGraphType<MediaFit>
{
    public MediaFitGraphType()
    {
        Name = "MediaFit";
        Description = "How a rendition fills its box: COVER crops around the focal point, CONTAIN and INSIDE fit inside it (INSIDE never enlarges), FILL stretches.";
    }
}

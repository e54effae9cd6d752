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

public sealed class MediaFitGraphType : EnumerationGraphType<MediaFit>
{
    public MediaFitGraphType()
    {
        Name = "MediaFit";
        Description = "How a rendition fills its box: COVER crops around the focal point, CONTAIN and INSIDE fit inside it (INSIDE never enlarges), FILL stretches.";
    }
}

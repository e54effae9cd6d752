using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class DiffKindGraphType : EnumerationGraphType<DiffKind>
{
    public DiffKindGraphType()
    {
        Name = "DiffKind";
    }
}

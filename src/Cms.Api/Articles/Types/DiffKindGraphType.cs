using Cms.Model.Editing;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class DiffKindGraphType : EnumerationGraphType<DiffKind>
{
    public DiffKindGraphType()
    {
        Name = "DiffKind";
    }
}

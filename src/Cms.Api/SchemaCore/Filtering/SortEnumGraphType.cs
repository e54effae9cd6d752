using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "Ascending or descending.";
        Add("ASC", SortDirection.Ascending, "Smallest (earliest, first in the alphabet) first.");
        Add("DESC", SortDirection.Descending, "Largest (latest, last in the alphabet) first.");
    }
}

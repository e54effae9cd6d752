namespace Cms.Api.SchemaCore;

/// <summary>The direction of one ordering step: HotChocolate's <c>SortEnumType</c>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

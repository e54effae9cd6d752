namespace Cms.Api.SchemaCore;

/// <summary>The operators of HotChocolate's comparable filters, besides <c>in</c> and <c>nin</c>.</summary>
public static class ComparisonOperators
{
    public static readonly string[] Names = ["eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
}

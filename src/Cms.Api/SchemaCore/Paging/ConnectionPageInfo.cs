namespace Cms.Api.SchemaCore;

public sealed record ConnectionPageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

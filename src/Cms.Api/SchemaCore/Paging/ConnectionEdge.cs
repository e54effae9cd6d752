namespace Cms.Api.SchemaCore;

public sealed record ConnectionEdge(string Cursor, object Node);

namespace Cms.Api.SchemaCore;

/// <summary>A page as the connection type reads it.</summary>
public sealed record ConnectionResult(IReadOnlyList<ConnectionEdge> Edges, ConnectionPageInfo PageInfo, int TotalCount);

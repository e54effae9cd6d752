namespace Cms.Api.SchemaCore;

/// <summary>One page of a connection, in list order, and whether more rows lie further in the direction it was read.</summary>
public sealed record ConnectionPage<TNode>(IReadOnlyList<TNode> Nodes, bool HasMore);

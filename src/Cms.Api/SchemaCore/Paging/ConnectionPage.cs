using System.Diagnostics.CodeAnalysis;
using Cms.Model.Delivery;
using Cms.Model.Querying;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Cms.Api.SchemaCore;

/// <summary>One page of a connection, in list order, and whether more rows lie further in the direction it was read.</summary>
public sealed record ConnectionPage<TNode>(IReadOnlyList<TNode> Nodes, bool HasMore);

using System.Diagnostics.CodeAnalysis;
using Cms.Model.Delivery;
using Cms.Model.Querying;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Cms.Api.SchemaCore;

/// <summary>What a page asks for: its size, its direction, and the position it starts after (or before, going backward).</summary>
public sealed record PageRequest<TCursor>(int Size, bool Backward, TCursor? From);

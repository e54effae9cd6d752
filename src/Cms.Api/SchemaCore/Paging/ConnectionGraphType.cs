using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Cms.Api.SchemaCore;

/// <summary><c>ThingsConnection</c>, named from its field, as HotChocolate names connections.</summary>
[DoNotRegister]
public sealed class ConnectionGraphType : ObjectGraphType<ConnectionResult>
{
    public ConnectionGraphType(string prefix, Type nodeGraphType)
    {
        Name = $"{prefix}Connection";
        Description = "One page of a list, with the cursors to move on from it.";
        var edge = new EdgeGraphType(prefix, nodeGraphType);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether more items lie before or after this page, and the cursors at its ends.")
            .Resolve(ctx => new GraphQL.Types.Relay.DataObjects.PageInfo
            {
                HasNextPage = ctx.Source.PageInfo.HasNextPage,
                HasPreviousPage = ctx.Source.PageInfo.HasPreviousPage,
                StartCursor = ctx.Source.PageInfo.StartCursor,
                EndCursor = ctx.Source.PageInfo.EndCursor,
            });
        Field("edges", new ListGraphType(new NonNullGraphType(edge)))
            .Description("The items of this page, each with its cursor.")
            .Resolve(ctx => ctx.Source.Edges);
        Field("nodes", typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(nodeGraphType)))
            .Description("The items of this page, without cursors.")
            .Resolve(ctx => ctx.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items the whole list holds (counted only when asked for).")
            .Resolve(ctx => ctx.Source.TotalCount);
    }
}

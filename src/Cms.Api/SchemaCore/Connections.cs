using System.Diagnostics.CodeAnalysis;
using Cms.Model.Delivery;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Cms.Api.SchemaCore;

/// <summary>Reads a cursor this API issued; false for anything else, which the client then hears about.</summary>
public delegate bool CursorReader<TCursor>(string cursor, [MaybeNullWhen(false)] out TCursor position);

/// <summary>One page of a connection: its nodes, and whether more follow.</summary>
public sealed record ConnectionPage<TNode>(IReadOnlyList<TNode> Nodes, bool HasNextPage);

/// <summary>
/// The one way every paged list is exposed: a Relay connection <c>name(first, after)</c> with keyset cursors. It checks
/// <c>first</c> (0 to <see cref="Paging.MaxPageSize"/>, <see cref="Paging.DefaultPageSize"/> when omitted) and the cursor,
/// each with a BAD_USER_INPUT error, builds edges and page info, and counts only when <c>totalCount</c> is selected.
/// (GraphQL.NET's ConnectionBuilder is not used: it reads <c>first</c> through <c>Math.Abs</c>, which turns -5 into 5
/// and overflows on the smallest Int.)
/// </summary>
public static class Connections
{
    public static FieldBuilder<TSource, object> PagedConnection<TSource, TNodeGraph, TNode, TCursor>(
        this ObjectGraphType<TSource> type,
        string name,
        CursorReader<TCursor> readCursor,
        Func<TNode, string> cursorOf,
        Func<IResolveFieldContext<TSource>, int, TCursor?, Task<ConnectionPage<TNode>>> loadPage,
        Func<IResolveFieldContext<TSource>, Task<int>>? count = null)
        where TNodeGraph : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(readCursor);
        ArgumentNullException.ThrowIfNull(cursorOf);
        ArgumentNullException.ThrowIfNull(loadPage);

        // The argument descriptions are GraphQL.NET's, so the schema reads as it did with its connection builder.
        return type.Field<ConnectionType<TNodeGraph, EdgeType<TNodeGraph>>>(name)
            .Argument<StringGraphType>("after", "Only return edges after the specified cursor.")
            .Argument<IntGraphType>("first", "Specifies the maximum number of edges to return, starting after the cursor specified by 'after', or the first number of edges if 'after' is not specified.")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? Paging.DefaultPageSize;
                if (first is < 0 or > Paging.MaxPageSize)
                {
                    throw ApiErrors.BadUserInput($"first must be between 0 and {Paging.MaxPageSize}.");
                }

                var after = default(TCursor);
                var cursor = context.GetArgument<string?>("after");
                if (cursor is not null && !readCursor(cursor, out after))
                {
                    throw ApiErrors.BadUserInput("The after cursor is not one this API issued.");
                }

                var page = await loadPage(context, first, after);
                var edges = page.Nodes.Select(node => new Edge<TNode> { Node = node, Cursor = cursorOf(node) }).ToList();
                var totalCount = count is not null && Selections.FieldNamesAt(context).Contains("totalCount") ? await count(context) : (int?)null;
                return new Connection<TNode>
                {
                    Edges = edges,
                    TotalCount = totalCount,
                    PageInfo = new PageInfo
                    {
                        HasNextPage = page.HasNextPage,
                        HasPreviousPage = cursor is not null,
                        StartCursor = edges.FirstOrDefault()?.Cursor,
                        EndCursor = edges.LastOrDefault()?.Cursor,
                    },
                };
            });
    }
}

using Cms.Model.Querying;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// The one way every paged list is exposed, in the shape HotChocolate gives: a field <c>things(first, after[, last,
/// before])</c> returning <c>ThingsConnection { edges { cursor node } nodes pageInfo totalCount }</c>, the connection and
/// edge types named from the field. It checks the sizes (0 to <see cref="Paging.MaxPageSize"/>,
/// <see cref="Paging.DefaultPageSize"/> when neither is given, never both) and the cursors (signed by
/// <see cref="CursorProtector"/>, so a changed or foreign cursor is refused before anything runs), each with a
/// BAD_USER_INPUT error, and counts only when <c>totalCount</c> is selected. (GraphQL.NET's ConnectionBuilder is not used:
/// it reads <c>first</c> through <c>Math.Abs</c>, which turns -5 into 5 and overflows on the smallest Int.)
/// </summary>
public static class Connections
{
    /// <remarks>
    /// <paramref name="loadPage"/> and <paramref name="count"/> are given the feature's <typeparamref name="TService"/> from the
    /// request's services, as a resolver with <c>WithService</c> is.
    /// </remarks>
    public static FieldBuilder<TSource, object> PagedConnection<TSource, TNodeGraph, TNode, TCursor, TService>(
        this ObjectGraphType<TSource> type,
        string name,
        Func<IResolveFieldContext<TSource>, Func<TNode, string>> cursorContentOf,
        CursorReader<TSource, TCursor> readCursor,
        Func<IResolveFieldContext<TSource>, TService, PageRequest<TCursor>, Task<ConnectionPage<TNode>>> loadPage,
        Func<IResolveFieldContext<TSource>, TService, Task<int>>? count = null,
        bool backward = false)
        where TNodeGraph : IGraphType
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(cursorContentOf);
        ArgumentNullException.ThrowIfNull(readCursor);
        ArgumentNullException.ThrowIfNull(loadPage);

        var field = type.Field(name, new ConnectionGraphType(Pascal(name), typeof(TNodeGraph)))
            .Argument<IntGraphType>("first", "How many items to return from the start, or from after the `after` cursor.")
            .Argument<StringGraphType>("after", "Return items after this cursor (an `endCursor` or an edge's `cursor`).");
        if (backward)
        {
            field = field
                .Argument<IntGraphType>("last", "How many items to return from the end, or from before the `before` cursor.")
                .Argument<StringGraphType>("before", "Return items before this cursor (a `startCursor` or an edge's `cursor`).");
        }

        return field.ResolveAsync(async context =>
        {
            var request = ReadRequest(context, backward);
            // The one place the paging helper reaches the request's services: for its cursor signer and the feature's service.
            var services = context.RequestServices!;
            var cursors = services.GetRequiredService<CursorProtector>();
            var from = default(TCursor);
            if (request.Cursor is { } cursor)
            {
                var content = await cursors.UnprotectAsync(services, cursor, context.CancellationToken);
                if (content is null || !readCursor(context, content, out from))
                {
                    throw ApiErrors.BadUserInput($"The {(request.Backward ? "before" : "after")} cursor is not one this list issued under these arguments.");
                }
            }

            var service = services.GetRequiredService<TService>();
            var page = await loadPage(context, service, new PageRequest<TCursor>(request.Size, request.Backward, from));

            // What a cursor holds depends on the arguments (an order, say), so the feature reads them once per page. Cursors
            // are signed only where they can be seen: every edge's when edges are selected, else the page's two ends.
            var contentOf = cursorContentOf(context);
            var selected = Selections.FieldNamesAt(context);
            var everyCursor = selected.Contains("edges");
            var endCursors = selected.Contains("pageInfo");
            var edges = new List<ConnectionEdge>(page.Nodes.Count);
            for (var i = 0; i < page.Nodes.Count; i++)
            {
                var node = page.Nodes[i];
                var shown = everyCursor || (endCursors && (i == 0 || i == page.Nodes.Count - 1));
                var edgeCursor = shown ? await cursors.ProtectAsync(services, contentOf(node), context.CancellationToken) : string.Empty;
                edges.Add(new ConnectionEdge(edgeCursor, node!));
            }

            var totalCount = count is not null && selected.Contains("totalCount") ? await count(context, service) : 0;
            var pageInfo = new ConnectionPageInfo(
                HasNextPage: request.Backward ? request.Cursor is not null : page.HasMore,
                HasPreviousPage: request.Backward ? page.HasMore : request.Cursor is not null,
                StartCursor: edges.FirstOrDefault()?.Cursor,
                EndCursor: edges.LastOrDefault()?.Cursor);
            return new ConnectionResult(edges, pageInfo, totalCount);
        });
    }

    private static (int Size, bool Backward, string? Cursor) ReadRequest(IResolveFieldContext context, bool backward)
    {
        var first = context.GetArgument<int?>("first");
        var last = backward ? context.GetArgument<int?>("last") : null;
        var after = context.GetArgument<string?>("after");
        var before = backward ? context.GetArgument<string?>("before") : null;
        if (first is not null && last is not null)
        {
            throw ApiErrors.BadUserInput("Give first or last, not both.");
        }

        if (after is not null && before is not null)
        {
            throw ApiErrors.BadUserInput("Give after or before, not both.");
        }

        var isBackward = last is not null || (first is null && before is not null);
        var size = CheckedSize((isBackward ? last : first) ?? Paging.DefaultPageSize, isBackward ? "last" : "first");

        if ((isBackward && after is not null) || (!isBackward && before is not null))
        {
            throw ApiErrors.BadUserInput(isBackward ? "Page backward (last) from a before cursor." : "Page forward (first) from an after cursor.");
        }

        return (size, isBackward, isBackward ? before : after);
    }

    /// <summary>A page-size argument of a plain list (such as <c>first</c>), with the same default, bounds and error as connections.</summary>
    public static int PageSize(IResolveFieldContext context, string argument = "first")
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckedSize(context.GetArgument<int?>(argument) ?? Paging.DefaultPageSize, argument);
    }

    private static int CheckedSize(int size, string argument)
    {
        if (size is < 0 or > Paging.MaxPageSize)
        {
            var error = ApiErrors.BadUserInput($"{argument} must be between 0 and {Paging.MaxPageSize}; {size} was asked for.");
            error.Data["maxAllowedItems"] = Paging.MaxPageSize;
            error.Data["requestedItems"] = size;
            throw error;
        }

        return size;
    }

    private static string Pascal(string name) => string.Concat(char.ToUpperInvariant(name[0]).ToString(), name[1..]);
}

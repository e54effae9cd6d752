using GraphQL;
using GraphQLParser.AST;

namespace Cms.Api.SchemaCore;

/// <summary>
/// What a query selects below the current field, so a resolver can load exactly that in a fixed number
/// of statements instead of fetching every list or resolving child fields one by one.
/// </summary>
public static class Selections
{
    /// <summary>
    /// The names of the fields selected at <paramref name="path"/> below the current field, through
    /// fragments and inline fragments. With <c>edges</c>, <c>node</c> the path reaches a connection's nodes.
    /// </summary>
    public static ISet<string> FieldNamesAt(IResolveFieldContext context, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        IEnumerable<GraphQLSelectionSet> level = context.FieldAst.SelectionSet is { } root ? [root] : [];
        foreach (var segment in path)
        {
            level = [.. level.SelectMany(set => Fields(context.Document, set))
                .Where(f => f.Name.StringValue == segment && f.SelectionSet is not null)
                .Select(f => f.SelectionSet!)];
        }

        return level.SelectMany(set => Fields(context.Document, set)).Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document, GraphQLSelectionSet set) =>
        Fields(document, set, new HashSet<string>(StringComparer.Ordinal));

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document, GraphQLSelectionSet set, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var field in Fields(document, inline.SelectionSet, visitedFragments))
                    {
                        yield return field;
                    }

                    break;
                case GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue):
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name == spread.FragmentName.Name);
                    if (definition is not null)
                    {
                        foreach (var field in Fields(document, definition.SelectionSet, visitedFragments))
                        {
                            yield return field;
                        }
                    }

                    break;
            }
        }
    }
}

using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>
/// Bounds introspection by the shape of the document rather than by cost, as HotChocolate does: <c>ofType</c>
/// nested at most 16 deep (graphql-js asks for 8, other tools for a few more), the recursive list fields of
/// <c>__Type</c> (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) at most once on
/// any path, and few introspection root fields per operation. Each introspection then reads the schema a bounded
/// number of times, however it is aliased or nested through fragments.
/// </summary>
internal sealed class IntrospectionShape(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments)
{
    public const int MaxOfTypeDepth = 16;
    public const int MaxListRecursion = 1;
    public const int MaxRootFieldsPerOperation = 3;

    private readonly HashSet<(string Fragment, Nesting Nesting)> _explored = [];
    private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);

    public static bool IsIntrospectionRoot(GraphQLField field) => field.Name.StringValue is "__schema" or "__type";

    /// <summary>The introspection root fields an operation selects, through fragments; each fragment is followed once.</summary>
    public List<GraphQLField> RootFieldsOf(GraphQLSelectionSet set)
    {
        var found = new List<GraphQLField>();
        CollectRootFields(set, found, new HashSet<string>(StringComparer.Ordinal));
        return found;
    }

    /// <summary>Why the selection below an introspection root field is refused, or null when it is within bounds.</summary>
    public string? Check(GraphQLField root) => root.SelectionSet is { } set ? Visit(set, default) : null;

    private void CollectRootFields(GraphQLSelectionSet set, List<GraphQLField> found, HashSet<string> followed)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when IsIntrospectionRoot(field):
                    found.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    CollectRootFields(inline.SelectionSet, found, followed);
                    break;
                case GraphQLFragmentSpread spread when followed.Add(spread.FragmentName.Name.StringValue) &&
                    fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    CollectRootFields(fragment.SelectionSet, found, followed);
                    break;
            }
        }
    }

    private string? Visit(GraphQLSelectionSet set, Nesting nesting)
    {
        foreach (var selection in set.Selections)
        {
            var problem = selection switch
            {
                GraphQLField field => VisitField(field, nesting),
                GraphQLInlineFragment inline => Visit(inline.SelectionSet, nesting),
                GraphQLFragmentSpread spread => VisitFragment(spread.FragmentName.Name.StringValue, nesting),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? VisitField(GraphQLField field, Nesting nesting)
    {
        var name = field.Name.StringValue;
        nesting = nesting.Enter(name);
        if (nesting.OfType > MaxOfTypeDepth)
        {
            return $"ofType is nested more than {MaxOfTypeDepth} levels deep.";
        }

        if (nesting.DeepestList > MaxListRecursion)
        {
            return $"{name} is selected inside {name}; introspection list fields may appear once on a path.";
        }

        return field.SelectionSet is { } set ? Visit(set, nesting) : null;
    }

    private string? VisitFragment(string name, Nesting nesting)
    {
        // A cycle is reported by validation; a fragment already explored at the same nesting cannot fail anew.
        if (_onPath.Contains(name) || _explored.Contains((name, nesting)) || !fragments.TryGetValue(name, out var fragment))
        {
            return null;
        }

        _onPath.Add(name);
        var problem = Visit(fragment.SelectionSet, nesting);
        _onPath.Remove(name);
        _explored.Add((name, nesting));
        return problem;
    }

    /// <summary>How many times each bounded field was entered on the current path.</summary>
    private readonly record struct Nesting(int OfType, int Fields, int InputFields, int Interfaces, int PossibleTypes)
    {
        public int DeepestList => Math.Max(Math.Max(Fields, InputFields), Math.Max(Interfaces, PossibleTypes));

        public Nesting Enter(string fieldName) => fieldName switch
        {
            "ofType" => this with { OfType = OfType + 1 },
            "fields" => this with { Fields = Fields + 1 },
            "inputFields" => this with { InputFields = InputFields + 1 },
            "interfaces" => this with { Interfaces = Interfaces + 1 },
            "possibleTypes" => this with { PossibleTypes = PossibleTypes + 1 },
            _ => this,
        };
    }
}

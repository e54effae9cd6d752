using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Cms.Api.Transport;

/// <summary>
/// Parses a query under the configured limits and measures what validation would otherwise pay for:
/// length and token count before parsing, parser depth while parsing, then aliases, root fields and selection
/// depth on the tree, and the shape of introspection (<see cref="IntrospectionShape"/>). Each check is linear in the document, so an abusive request costs little to refuse.
/// </summary>
public sealed class DocumentLimits(GraphQLLimits limits)
{
    public (GraphQLDocument? Document, ExecutionError? Error) Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > limits.MaxQueryLength)
        {
            return (null, TransportErrors.QueryTooLong(limits.MaxQueryLength));
        }

        var text = WithLineFeedsForLoneCarriageReturns(query);
        if (CountTokensExceeds(text, limits.MaxTokens))
        {
            return (null, TransportErrors.TooManyTokens(limits.MaxTokens));
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = limits.MaxParserDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, TransportErrors.ParserDepthExceeded(limits.MaxParserDepth));
        }
        catch (GraphQLSyntaxErrorException exception)
        {
            return (null, TransportErrors.SyntaxError(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the parser throws on a client's text is the text's fault: a parse failure, never a 500.
            return (null, TransportErrors.Unparsable());
        }

        return (document, CheckShape(document));
    }

    /// <summary>
    /// The document with each lone carriage return (one not followed by a line feed) replaced by a line feed.
    /// To the GraphQL grammar both are the same line terminator, so tokens, values and error locations are
    /// unchanged; but GraphQL-Parser 9.5 locates errors counting a lone \r as a line break while its message
    /// builder splits lines at \n only, and throws IndexOutOfRangeException on such a document.
    /// </summary>
    internal static string WithLineFeedsForLoneCarriageReturns(string query)
    {
        var at = query.IndexOf('\r', StringComparison.Ordinal);
        if (at < 0)
        {
            return query;
        }

        return string.Create(query.Length, (query, at), static (span, state) =>
        {
            state.query.AsSpan().CopyTo(span);
            for (var i = state.at; i < span.Length; i++)
            {
                if (span[i] == '\r' && (i + 1 == span.Length || span[i + 1] != '\n'))
                {
                    span[i] = '\n';
                }
            }
        });
    }

    private TransportError? CheckShape(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        var aliases = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }

            if (definition is IHasSelectionSetNode { SelectionSet: { } set })
            {
                aliases += CountAliases(set);
                if (aliases > limits.MaxAliases)
                {
                    return TransportErrors.TooManyAliases(limits.MaxAliases);
                }
            }
        }

        var shape = new ShapeMeasure(fragments);
        var introspection = new IntrospectionShape(fragments);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var introspectionFields = introspection.RootFieldsOf(operation.SelectionSet);
            if (introspectionFields.Count > IntrospectionShape.MaxRootFieldsPerOperation)
            {
                return TransportErrors.TooManyIntrospectionFields(introspectionFields.Count, IntrospectionShape.MaxRootFieldsPerOperation);
            }

            foreach (var field in introspectionFields)
            {
                if (introspection.Check(field) is { } problem)
                {
                    return TransportErrors.IntrospectionTooDeep(problem);
                }
            }

            var rootFields = shape.RootFields(operation.SelectionSet);
            if (rootFields > limits.MaxRootFields)
            {
                return TransportErrors.TooManyRootFields((int)Math.Min(rootFields, int.MaxValue), limits.MaxRootFields);
            }

            var depth = shape.Depth(operation.SelectionSet);
            if (depth > limits.MaxQueryDepth)
            {
                return TransportErrors.QueryTooDeep(depth, limits.MaxQueryDepth);
            }
        }

        return null;
    }

    private static bool CountTokensExceeds(string query, int maxTokens)
    {
        var position = 0;
        var count = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return false;
                }

                if (++count > maxTokens)
                {
                    return true;
                }

                position = token.End;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The parser reports the error, with its location where it has one.
            return false;
        }
    }

    private static int CountAliases(GraphQLSelectionSet set)
    {
        var count = 0;
        foreach (var selection in set.Selections)
        {
            if (selection is GraphQLField field && field.Alias is not null)
            {
                count++;
            }

            if (selection is IHasSelectionSetNode { SelectionSet: { } child })
            {
                count += CountAliases(child);
            }
        }

        return count;
    }

    /// <summary>Depth and root-field counts through fragments, each fragment measured once; cycles count as zero (validation reports them).</summary>
    private sealed class ShapeMeasure(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _rootFields = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public int Depth(GraphQLSelectionSet set)
        {
            var max = 0;
            foreach (var selection in set.Selections)
            {
                var depth = selection switch
                {
                    // Introspection has bounds of its own (IntrospectionShape).
                    GraphQLField field when IntrospectionShape.IsIntrospectionRoot(field) => 1,
                    GraphQLField field => 1 + (field.SelectionSet is { } child ? Depth(child) : 0),
                    GraphQLInlineFragment inline => Depth(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread, _depths, Depth),
                    _ => 0,
                };
                max = Math.Max(max, depth);
            }

            return max;
        }

        public long RootFields(GraphQLSelectionSet set)
        {
            long count = 0;
            foreach (var selection in set.Selections)
            {
                count += selection switch
                {
                    GraphQLField => 1,
                    GraphQLInlineFragment inline => RootFields(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread, _rootFields, RootFields),
                    _ => 0,
                };

                // Nested spreads can multiply; stop counting long before overflow.
                count = Math.Min(count, int.MaxValue);
            }

            return count;
        }

        private T Fragment<T>(GraphQLFragmentSpread spread, Dictionary<string, T> memo, Func<GraphQLSelectionSet, T> measure)
            where T : struct
        {
            var name = spread.FragmentName.Name.StringValue;
            if (memo.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name))
            {
                return default;
            }

            var value = measure(fragment.SelectionSet);
            _visiting.Remove(name);
            memo[name] = value;
            return value;
        }
    }
}

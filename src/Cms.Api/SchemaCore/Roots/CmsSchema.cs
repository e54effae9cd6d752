using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class CmsSchema : Schema
{
    public CmsSchema(IServiceProvider services, CmsQuery query, CmsMutation mutation, CmsSubscription subscription)
        : base(services)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Description = "Versioned event articles: published content for front ends.";
        Query = query;

        // A schema without mutation fields has no Mutation type at all, rather than an empty one (which is invalid).
        Mutation = mutation.Fields.Count > 0 ? mutation : null;
        Subscription = subscription?.Fields.Count > 0 ? subscription : null;

        // What graphql-js 16's full introspection query asks for (GraphiQL, Apollo, codegen): __Directive.isRepeatable,
        // and deprecation on arguments and input fields (includeDeprecated, isDeprecated, deprecationReason).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;

        // The errors every feature may report, reachable only through the UserError interface, so registered by hand.
        RegisterType(typeof(ValidationErrorGraphType));
        RegisterType(typeof(NotFoundErrorGraphType));
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);

        // GraphQL.NET 8 has no __Type.specifiedByURL (October 2021 specification), which graphql-js asks for when
        // tools set specifiedByUrl. None of this schema's custom scalars points to a specification, so it is null.
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
        {
            type.Field<StringGraphType>("specifiedByURL")
                .Description("A URL to the specification of a custom scalar's behaviour, when it has one.")
                .Resolve(_ => null);
        }

        // Deprecation of input values reaches __Field.args and __Type.inputFields but not __Directive.args, where
        // graphql-js asks for args(includeDeprecated: true) too.
        if (graphType is __Directive directive && directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
            var allArguments = args.Resolver ?? throw new InvalidOperationException("__Directive.args has no resolver.");
            args.Resolver = new FuncFieldResolver<object?>(async context =>
            {
                var result = await allArguments.ResolveAsync(context);
                return context.GetArgument<bool>("includeDeprecated") || result is not IEnumerable<QueryArgument> arguments
                    ? result
                    : arguments.Where(argument => argument.DeprecationReason is null).ToList();
            });
        }
    }
}

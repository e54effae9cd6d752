using Cms.Api.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Cms.Api.SchemaCore;

public static class SchemaCoreExtensions
{
    /// <summary>
    /// The schema and how it executes: root types that features fill (<see cref="IQueryFields"/>, <see cref="IMutationFields"/>),
    /// error codes, the cost rule, field authorization and the introspection switch. Features register themselves
    /// (<c>AddArticles()</c>, <c>AddApiKeys()</c>); the transport serves the schema.
    /// </summary>
    public static WebApplicationBuilder AddCmsSchema(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton<CursorProtector>();
        builder.Services.AddSingleton<IQueryFields, NodeQueries>();
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<CmsSchema>()
                .AddGraphTypes(typeof(CmsSchema).Assembly)
                .AddSystemTextJson()
                // Resolvers share the request's DbContext, which allows one operation at a time.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                // Each event of a subscription is executed in a service scope of its own (its own DbContext), one at a time.
                .AddScopedSubscriptionExecutionStrategy()
                .AddErrorInfoProvider(new CmsErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = isDevelopment, ExposeCodes = false, ExposeData = false }))
                // Cost depends on page-size arguments, variables included, so it runs for cached documents too.
                .AddValidationRule(
                    services => new ComplexityValidationRule(CostOptions(services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Limits.MaxComplexity)),
                    useForCachedDocuments: true,
                    global::GraphQL.DI.ServiceLifetime.Singleton);
            // Who may select what: checked for cached documents too, as it depends on the caller.
            graphQL.AddValidationRule(FieldAuthorizationRule.Instance, useForCachedDocuments: true);
            // On or off per the transport's resolved setting (on in Development unless configured).
            graphQL.AddValidationRule(
                services => new IntrospectionSwitch(services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.EnableIntrospection == true),
                useForCachedDocuments: true,
                global::GraphQL.DI.ServiceLifetime.Singleton);
        });
        return builder;
    }

    /// <summary>
    /// The cost rule: 1 per field, lists multiplied by their page size. Introspection costs nothing here: charged as if
    /// every list were 20 items of the schema, the standard introspection query would cost over a million, and its
    /// shape is bounded by a rule of its own instead (see the transport's document limits).
    /// </summary>
    private static ComplexityOptions CostOptions(int maxComplexity)
    {
        var options = new ComplexityOptions
        {
            MaxComplexity = maxComplexity,

            // The cost goes on the request's trace (the transport's activity is current while the document is validated).
            ValidateComplexityDelegate = context =>
            {
                System.Diagnostics.Activity.Current?.SetTag(GraphQLTelemetry.CostTag, context.TotalImpact);
                return Task.CompletedTask;
            },
        };
        var listCost = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
        {
            if (context.FieldDefinition.Name is "__schema" or "__type" or "__typename")
            {
                return new FieldComplexityResult(0, 0);
            }

            // Filters and sort steps cost what they make the database do (HotChocolate's scale, see IQueryCost).
            var result = listCost(context);
            var arguments = context.Arguments?.Values.Sum(argument => ArgumentCost(argument.Value)) ?? 0;
            return arguments == 0 ? result : new FieldComplexityResult(result.FieldImpact + arguments, result.ChildImpactMultiplier);
        };
        return options;
    }

    private static int ArgumentCost(object? value) => value switch
    {
        Cms.Model.Querying.IQueryCost costed => costed.QueryCost(),
        System.Collections.IEnumerable items and not string => items.Cast<object?>().Sum(ArgumentCost),
        _ => 0,
    };

    /// <summary>GraphQL.NET's <see cref="NoIntrospectionValidationRule"/> when introspection is off; nothing when it is on.</summary>
    private sealed class IntrospectionSwitch(bool enabled) : ValidationRuleBase
    {
        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
            enabled ? default : NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
    }
}

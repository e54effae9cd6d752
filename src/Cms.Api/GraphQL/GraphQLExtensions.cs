using Cms.Api.Articles;
using Cms.Api.Security;
using Cms.Api.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Cms.Api.GraphQL;

public static class GraphQLExtensions
{
    public static WebApplicationBuilder AddCmsGraphQL(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isDevelopment = builder.Environment.IsDevelopment();
        var introspection = builder.Configuration.GetValue<bool?>($"{GraphQLHttpOptions.SectionName}:{nameof(GraphQLHttpOptions.EnableIntrospection)}") ?? isDevelopment;

        builder.Services.AddSingleton<IQueryFields, ArticleQueries>();
        builder.Services.AddSingleton<IMutationFields, ArticleMutations>();
        builder.Services.AddSingleton<SecurityFields>();
        builder.Services.AddSingleton<IQueryFields>(services => services.GetRequiredService<SecurityFields>());
        builder.Services.AddSingleton<IMutationFields>(services => services.GetRequiredService<SecurityFields>());
        builder.Services.AddGraphQLHttpTransport();
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<CmsSchema>()
                .AddGraphTypes(typeof(CmsSchema).Assembly)
                .AddSystemTextJson()
                // Resolvers share the request's DbContext, which allows one operation at a time.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                .AddErrorInfoProvider(new CmsErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = isDevelopment, ExposeCodes = false }))
                // Cost depends on page-size arguments, variables included, so it runs for cached documents too.
                .AddValidationRule(
                    services => new ComplexityValidationRule(new ComplexityOptions
                    {
                        MaxComplexity = services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Limits.MaxComplexity,
                    }),
                    useForCachedDocuments: true,
                    global::GraphQL.DI.ServiceLifetime.Singleton);
            // Who may select what: checked for cached documents too, as it depends on the caller.
            graphQL.AddValidationRule(FieldAuthorizationRule.Instance, useForCachedDocuments: true);
            if (!introspection)
            {
                graphQL.AddValidationRule(NoIntrospectionValidationRule.Instance, useForCachedDocuments: true);
            }
        });
        return builder;
    }

    public static WebApplication MapCmsGraphQL(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGraphQLHttp();
        return app;
    }
}

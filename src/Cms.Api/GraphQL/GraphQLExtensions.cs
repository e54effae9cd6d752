using Cms.Api.Articles;
using Cms.Api.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Cms.Api.GraphQL;

public static partial class GraphQLExtensions
{
    public const string EndpointPath = "/graphql";

    public static WebApplicationBuilder AddCmsGraphQL(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var exposeDetails = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton<IQueryFields, ArticleQueries>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<CmsSchema>()
            .AddGraphTypes(typeof(CmsSchema).Assembly)
            .AddSystemTextJson()
            // Resolvers share the request's DbContext, which allows one operation at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options =>
            {
                options.ExposeExceptionDetails = exposeDetails;
                options.ExposeCodes = false;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLExtensions));
                if (logger is not null)
                {
                    LogUnhandled(logger, context.OriginalException, context.FieldContext?.FieldDefinition.Name);
                }
            }));
        return builder;
    }

    public static WebApplication MapCmsGraphQL(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGraphQLHttp(EndpointPath);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while executing GraphQL (field {Field})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string? field);
}

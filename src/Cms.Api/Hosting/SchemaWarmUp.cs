using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Hosting;

/// <summary>
/// A start-up step: builds the GraphQL schema and runs one trivial operation through the executor while the database is
/// being prepared, so that the first client's query does not pay for schema building and the executor's first JIT.
/// </summary>
public static class SchemaWarmUp
{
    /// <summary>Starts the warm-up on the thread pool; await the task before the server listens.</summary>
    public static Task StartSchemaWarmUp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Task.Run(async () =>
        {
            var schema = app.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            await using var scope = app.Services.CreateAsyncScope();
            var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = "{ __typename }",
                RequestServices = scope.ServiceProvider,
            });
            if (result.Errors is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"The schema's warm-up operation failed: {errors[0].Message}");
            }
        });
    }
}

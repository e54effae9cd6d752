using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// Runs one operation for the WebSocket and SSE transports with the HTTP transport's rules: persisted and trusted
/// documents, the parser and document limits, the request gates (access, rate limits) and the validation rules (depth,
/// cost, field authorization) all apply, to subscriptions as to anything else.
/// </summary>
public sealed class StreamingOperations(
    IDocumentExecuter<ISchema> executer,
    PersistedOperations persistedOperations,
    DocumentPreparation preparation,
    IEnumerable<IRequestGate> gates,
    IOptions<GraphQLHttpOptions> options)
{
    public async Task<StreamingResult> ExecuteAsync(HttpContext http, ClaimsPrincipal user, GraphQLRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var gate in gates)
        {
            if (await gate.BeforeReadAsync(http, isUpload: false) is { } refusal)
            {
                return Refusal(refusal);
            }
        }

        var (query, queryError) = await persistedOperations.ResolveQueryAsync(request, cancellationToken);
        if (queryError is not null)
        {
            return Refusal(queryError);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return Refusal(TransportErrors.QueryMissing());
        }

        var (prepared, prepareError) = preparation.Prepare(query);
        if (prepareError is not null)
        {
            return Refusal(prepareError);
        }

        var operations = prepared!.Document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(request.OperationName)
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        foreach (var gate in gates)
        {
            if (await gate.BeforeExecuteAsync(http, operation) is { } refusal)
            {
                return Refusal(refusal);
            }
        }

        var isSubscription = operation?.Operation == OperationType.Subscription;
        var executionOptions = new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = user,
            CancellationToken = cancellationToken,
            // A subscription runs as long as its client listens; each event is executed in a scope of its own.
            Timeout = isSubscription ? Timeout.InfiniteTimeSpan : options.Value.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
        };
        executionOptions.UserContext[DocumentPreparation.UserContextKey] = prepared;
        var result = await executer.ExecuteAsync(executionOptions);
        if (result.Streams is { Count: > 0 } streams)
        {
            return new StreamingResult(null, streams.Values.First(), Refused: false);
        }

        return new StreamingResult(result, null, Refused: !result.Executed);
    }

    private static StreamingResult Refusal(ExecutionError error) => new(new ExecutionResult { Errors = [error] }, null, Refused: true);
}

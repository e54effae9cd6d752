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
    SharedSubscriptions shared,
    OpenSubscriptions open,
    IServiceScopeFactory scopes,
    IGraphQLSerializer serializer,
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
        var sharingKey = isSubscription && IsAnonymous(user) && VariablesJson.TryWrite(serializer, request.Variables, out var variablesJson)
            ? string.Join('\n', prepared.Key, request.OperationName ?? string.Empty, variablesJson ?? string.Empty)
            : null;

        // Joining a group that runs the operation already needs no execution of its own.
        if (sharingKey is not null && shared.JoinRunning(sharingKey) is { } running)
        {
            return new StreamingResult(null, open.Track(running), Refused: false);
        }

        // A subscription that may be shared runs in services and a cancellation of its own, not the connection's: the
        // group it starts outlives the subscriber that started it.
        var execution = sharingKey is null ? null : new SharedExecution(scopes.CreateScope());
        using var cancelled = execution is null ? default : cancellationToken.Register(execution.Cancel);
        var executionOptions = new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = execution?.Services ?? http.RequestServices,
            User = user,
            CancellationToken = execution?.Cancellation ?? cancellationToken,
            // A subscription runs as long as its client listens; each event is executed in a scope of its own.
            Timeout = isSubscription ? Timeout.InfiniteTimeSpan : options.Value.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
        };
        executionOptions.UserContext[DocumentPreparation.UserContextKey] = prepared;
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(executionOptions);
        }
        catch
        {
            execution?.Dispose();
            throw;
        }

        if (result.Streams is { Count: > 0 } streams)
        {
            var stream = streams.Values.First();
            return execution is null
                ? new StreamingResult(null, open.Track(stream), Refused: false, StreamUsesCancellation: true)
                : new StreamingResult(null, open.Track(shared.Share(sharingKey!, stream, execution)), Refused: false);
        }

        execution?.Dispose();
        return new StreamingResult(result, null, Refused: !result.Executed);
    }

    /// <summary>No identity the caller presented was accepted: it reads what every reader may read.</summary>
    private static bool IsAnonymous(ClaimsPrincipal user) => !user.Identities.Any(identity => identity.IsAuthenticated);

    private static StreamingResult Refusal(ExecutionError error) => new(new ExecutionResult { Errors = [error] }, null, Refused: true);

    /// <summary>The services and the cancellation of one subscription execution that a group of subscribers may share.</summary>
    private sealed class SharedExecution(IServiceScope scope) : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private int _disposed;

        public IServiceProvider Services => scope.ServiceProvider;

        public CancellationToken Cancellation => _cancel.Token;

        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The execution has ended meanwhile.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _cancel.Cancel();
                _cancel.Dispose();
                scope.Dispose();
            }
        }
    }
}

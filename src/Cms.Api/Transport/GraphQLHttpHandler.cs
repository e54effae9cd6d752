using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cms.Api.Transport.Uploads;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>
/// The GraphQL-over-HTTP endpoint. Knows nothing about articles: it negotiates the response media type,
/// reads the request (JSON POST, GET query string or multipart upload), resolves persisted operations, hands
/// the operation to GraphQL.NET's executer with the request's services, user and abort token, and writes
/// the result with the status code the specification gives. Each step that can refuse a request does so
/// before anything executes.
/// </summary>
public sealed partial class GraphQLHttpHandler(
    IGraphQLSerializer serializer,
    IDocumentExecuter<ISchema> executer,
    GraphQLRequestReader reader,
    MultipartRequestReader multipartReader,
    PersistedOperations persistedOperations,
    DocumentPreparation preparation,
    IEnumerable<IRequestGate> gates,
    ResponseCache responseCache,
    ResponseCacheFollower cacheFollower,
    ISchema schema,
    IErrorInfoProvider errorInfo,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLHttpHandler> logger)
{
    /// <summary>The query-string key of <c>GET /graphql?sdl</c>, as HotChocolate serves it.</summary>
    public const string SdlParameter = "sdl";

    private string? _sdl;

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (IsSdlRequest(http.Request) && options.Value.EnableIntrospection == true)
        {
            await WriteSdlAsync(http);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = GraphQLTelemetry.Source.StartActivity(GraphQLTelemetry.RequestActivityName);
        var mediaType = ResponseMediaType.Negotiate(http.Request.Headers.Accept);
        ExecutionResult result;
        GraphQLRequest? request = null;
        GraphQLOperationDefinition? selected = null;
        CacheSlot? cacheSlot = null;
        try
        {
            (request, result, selected, cacheSlot) = await ProcessAsync(http, mediaType);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result = new ExecutionResult { Errors = [new TransportFailure(exception)] };
        }

        var correlationId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        LogUnhandledErrors(result, correlationId, request?.OperationName);
        var status = StatusFor(result, mediaType ?? ResponseMediaType.Json);
        await WriteAsync(http, result, mediaType ?? ResponseMediaType.Json, status, cacheSlot);

        var codes = result.Errors is { Count: > 0 } errors ? string.Join(",", errors.Select(CodeOf).Distinct()) : string.Empty;
        // A document refused in validation has no operation in its result; the one the transport selected names it.
        var operation = result.Operation ?? selected;
        var operationName = operation?.Name?.StringValue ?? request?.OperationName;
        var operationType = operation?.Operation.ToString().ToLowerInvariant();
        activity?.SetTag("graphql.operation.name", operationName);
        activity?.SetTag("graphql.operation.type", operationType);
        activity?.SetTag("http.response.status_code", status);
        if (codes.Length > 0)
        {
            activity?.SetTag("graphql.error.codes", codes);
            activity?.SetStatus(status >= 500 ? ActivityStatusCode.Error : ActivityStatusCode.Unset);
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GraphQLTelemetry.Record(elapsedMs, operationType, codes.Length == 0 ? null : codes.Split(',')[0]);
        // Successful operations are logged at Debug (writing a line per request costs as much as answering from the cache),
        // refused or failed ones at Information.
        LogOperation(logger, codes.Length == 0 ? LogLevel.Debug : LogLevel.Information, operationName ?? "(anonymous)", operationType ?? "(none)", status, elapsedMs, codes);
    }

    /// <summary>
    /// Where an anonymous query's answer lives in the response cache: its key, the generation it was looked up in, the answer
    /// when found; after a miss, the computation this request leads (others missing the same key wait for it) and the tags
    /// its resolvers give the answer.
    /// </summary>
    private sealed record CacheSlot(string Key, string? RawKey, long Generation, CachedResponse? Hit, PendingAnswer? Leads = null, AnswerTagSet? Tags = null);

    private async Task<(GraphQLRequest? Request, ExecutionResult Result, GraphQLOperationDefinition? Operation, CacheSlot? Cache)> ProcessAsync(HttpContext http, string? mediaType)
    {
        if (mediaType is null)
        {
            return (null, Refused(TransportErrors.NotAcceptable()), null, null);
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            return (null, Refused(TransportErrors.MethodNotAllowed()), null, null);
        }

        if (isGet && IsSdlRequest(http.Request))
        {
            // Reached only when introspection is off (HandleAsync answers it otherwise).
            return (null, Refused(TransportErrors.SdlUnavailable()), null, null);
        }

        var isUpload = !isGet && http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        foreach (var gate in gates)
        {
            if (await gate.BeforeReadAsync(http, isUpload) is { } refusal)
            {
                return (null, Refused(refusal), null, null);
            }
        }

        // A byte-for-byte repeat of an anonymous query is answered before it is parsed.
        string? rawKey = null;
        ReadOnlyMemory<byte> jsonBody = default;
        if (!isUpload && responseCache.IsUsable && IsAnonymous(http.Request))
        {
            if (isGet && (!options.Value.RequirePreflightForGet || HasPreflightHeader(http.Request)))
            {
                rawKey = ResponseCache.RawKeyOf(Encoding.UTF8.GetBytes(http.Request.QueryString.Value ?? string.Empty), mediaType);
            }
            else if (GraphQLRequestReader.IsJson(http.Request.ContentType))
            {
                TransportError? bodyError;
                (jsonBody, bodyError) = await reader.ReadJsonBodyAsync(http);
                if (bodyError is not null)
                {
                    return (null, Refused(bodyError), null, null);
                }

                rawKey = ResponseCache.RawKeyOf(jsonBody.Span, mediaType);
            }

            if (rawKey is not null && responseCache.TryGetExact(rawKey, out var exact))
            {
                foreach (var gate in gates)
                {
                    if (await gate.BeforeExecuteAsync(http, exact!.Operation) is { } refusal)
                    {
                        return (null, Refused(refusal), exact.Operation, null);
                    }
                }

                return (null, new ExecutionResult { Executed = true, Operation = exact!.Operation }, exact.Operation, new CacheSlot(rawKey, rawKey, responseCache.Generation, exact));
            }
        }

        var (request, uploads, readError) = jsonBody.IsEmpty
            ? await ReadRequestAsync(http, isGet)
            : ParsedOnly(await reader.ParseJsonAsync(jsonBody, http.RequestAborted));
        if (readError is not null)
        {
            return (request, Refused(readError), null, null);
        }

        var (query, queryError) = await persistedOperations.ResolveQueryAsync(request!, http.RequestAborted);
        if (queryError is not null)
        {
            return (request, Refused(queryError), null, null);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return (request, Refused(TransportErrors.QueryMissing()), null, null);
        }

        var (prepared, prepareError) = preparation.Prepare(query);
        if (prepareError is not null)
        {
            return (request, Refused(prepareError), null, null);
        }

        var operation = SelectOperation(prepared!.Document, request!.OperationName);
        if (operation?.Operation == OperationType.Subscription)
        {
            return (request, Refused(TransportErrors.StreamingTransportRequired()), operation, null);
        }

        foreach (var gate in gates)
        {
            if (await gate.BeforeExecuteAsync(http, operation) is { } refusal)
            {
                return (request, Refused(refusal), operation, null);
            }
        }

        // Anonymous answers depend only on content every reader may see: a repeated query is answered from memory.
        CacheSlot? slot = null;
        if (operation?.Operation == OperationType.Query && uploads is null && responseCache.IsUsable && IsAnonymous(http.Request) &&
            VariablesJson.TryWrite(serializer, request.Variables, out var variablesJson))
        {
            var key = ResponseCache.KeyOf(prepared.Key, request.OperationName, variablesJson, mediaType);
            var generation = responseCache.Generation;
            if (responseCache.TryGet(key, out var hit))
            {
                return (request, new ExecutionResult { Executed = true, Operation = operation }, operation, new CacheSlot(key, rawKey, generation, hit));
            }

            // Requests missing the same answer at the same time compute it once: the others wait and are given it, unless it
            // could not be stored (then each computes its own, as without the cache).
            var pending = responseCache.JoinOrStart(key, generation, out var first);
            if (!first)
            {
                if (await pending.WaitAsync(http.RequestAborted) is { } shared)
                {
                    responseCache.RecordCoalesced();
                    return (request, new ExecutionResult { Executed = true, Operation = operation }, operation, new CacheSlot(key, rawKey, generation, shared));
                }

                pending = null;
            }

            slot = new CacheSlot(key, rawKey, generation, null, pending, new AnswerTagSet());
        }

        var executionOptions = new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = uploads?.Variables ?? request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            Timeout = uploads is null ? options.Value.ExecutionTimeout : options.Value.Uploads.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
        };
        executionOptions.UserContext[DocumentPreparation.UserContextKey] = prepared;
        if (slot?.Tags is { } tags)
        {
            executionOptions.UserContext[AnswerTagSet.UserContextKey] = tags;
        }

        if (isGet)
        {
            executionOptions.ValidationRules = [.. DocumentValidator.CoreRules, QueriesOnlyOverGetRule.Instance];
            executionOptions.CachedDocumentValidationRules = [QueriesOnlyOverGetRule.Instance];
        }

        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(executionOptions);
        }
        catch when (slot?.Leads is { } leads)
        {
            // Nobody will write this answer: the requests waiting for it compute their own.
            responseCache.End(leads, null);
            throw;
        }

        // What this instance just changed must not be answered from its cache: the answers it made stale are dropped before
        // the mutation is answered (other instances hear of it by polling the same feed).
        if (result.Executed && operation?.Operation == OperationType.Mutation)
        {
            await CatchUpWithChangesAsync();
        }

        return (request, result, operation, slot);
    }

    private static (GraphQLRequest? Request, UploadSession? Uploads, TransportError? Error) ParsedOnly((GraphQLRequest? Request, TransportError? Error) parsed) =>
        (parsed.Request, null, parsed.Error);

    private async Task<(GraphQLRequest? Request, UploadSession? Uploads, TransportError? Error)> ReadRequestAsync(HttpContext http, bool isGet)
    {
        if (isGet)
        {
            if (options.Value.RequirePreflightForGet && !HasPreflightHeader(http.Request))
            {
                return (null, null, TransportErrors.PreflightRequired());
            }

            var (getRequest, getError) = reader.ReadQueryString(http.Request.Query);
            return (getRequest, null, getError);
        }

        if (GraphQLRequestReader.IsJson(http.Request.ContentType))
        {
            var (request, error) = await reader.ReadJsonAsync(http);
            return (request, null, error);
        }

        var contentType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed : null;
        if (contentType?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Browsers send multipart forms cross-site without a preflight; a custom header proves the caller is not a form.
            if (!HasPreflightHeader(http.Request))
            {
                return (null, null, TransportErrors.PreflightRequired());
            }

            return await multipartReader.ReadAsync(http, contentType);
        }

        return (null, null, TransportErrors.UnsupportedMediaType());
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        return string.IsNullOrEmpty(operationName)
            ? (operations.Take(2).ToList() is [var only] ? only : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static bool IsSdlRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Query.ContainsKey(SdlParameter);

    private async Task WriteSdlAsync(HttpContext http)
    {
        // The schema never changes while the process runs, so it is printed once.
        _sdl ??= SchemaSdl.Print(http.RequestServices.GetRequiredService<ISchema>());
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(_sdl, http.RequestAborted);
    }

    private bool HasPreflightHeader(HttpRequest request) =>
        options.Value.PreflightHeaders.Any(header => request.Headers.ContainsKey(header));

    /// <summary>The code the error is written with, as the registered error info provider gives it.</summary>
    private string? CodeOf(ExecutionError error) =>
        errorInfo.GetInfo(error).Extensions?.TryGetValue("code", out var code) == true ? code as string : error.Code;

    /// <summary>A failure of the transport itself, outside any resolver: logged like an unhandled error, answered with 500.</summary>
    private sealed class TransportFailure(Exception exception) : UnhandledError("The server could not process the request.", exception), ICodedError
    {
        public string ErrorCode => TransportErrors.Codes.InternalServerError;

        public int? StatusCode => StatusCodes.Status500InternalServerError;
    }

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error] };

    /// <summary>
    /// The status the GraphQL-over-HTTP specification gives: a forced status (413, 415, 405…) wins; a request
    /// that never executed is 400 for application/graphql-response+json and 200 for legacy application/json.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        var forced = result.Errors?.OfType<ICodedError>().Select(e => e.StatusCode).FirstOrDefault(s => s is not null);
        if (forced is { } status)
        {
            return status;
        }

        return !result.Executed && mediaType == ResponseMediaType.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    /// <summary>
    /// The tags an answer is stored with: what its resolvers named, and "everything" when a root field's resolvers do not
    /// name all they read (introspection reads only the schema).
    /// </summary>
    private IReadOnlyCollection<string> TagsOf(CacheSlot slot, GraphQLOperationDefinition? operation)
    {
        var tags = slot.Tags?.Snapshot() ?? [];
        var named = operation is not null && operation.SelectionSet.Selections.All(selection => selection is GraphQLField field &&
            (field.Name.StringValue.StartsWith("__", StringComparison.Ordinal) ||
             schema.Query.GetField(field.Name.StringValue)?.GetMetadata<bool>(AnswerTagSet.TagsItsAnswerMetadataKey) == true));
        return named ? tags : [.. tags, AnswerTagSet.Everything];
    }

    /// <summary>After a mutation: drops what it made stale. When the feed cannot be read the cache switches itself off.</summary>
    private async Task CatchUpWithChangesAsync()
    {
        try
        {
            // Not the request's token: a client that leaves must not leave its own change answered stale.
            await cacheFollower.CatchUpAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCatchUpFailed(logger, exception);
        }
    }

    private async Task WriteAsync(HttpContext http, ExecutionResult result, string mediaType, int status, CacheSlot? cacheSlot)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = ResponseMediaType.WithCharset(mediaType);
        foreach (var header in result.Errors?.OfType<IHasResponseHeaders>().SelectMany(e => e.Headers) ?? [])
        {
            response.Headers[header.Key] = header.Value;
        }

        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = result.Errors?.OfType<OperationNotAllowedOverGetError>().Any() == true ? "POST" : "GET, POST";
        }

        var succeeded = status == StatusCodes.Status200OK && result.Errors is null or { Count: 0 };
        var isShareable = HttpMethods.IsGet(http.Request.Method) && succeeded && IsAnonymous(http.Request);
        if (!isShareable && cacheSlot is null)
        {
            response.Headers.CacheControl = "no-store";
            await serializer.WriteAsync(response.Body, result, http.RequestAborted);
            return;
        }

        var answer = cacheSlot?.Hit;
        if (answer is null)
        {
            CachedResponse? stored = null;
            try
            {
                using var buffer = new MemoryStream();
                await serializer.WriteAsync(buffer, result, http.RequestAborted);
                var body = buffer.ToArray();
                var tags = cacheSlot is null ? null : TagsOf(cacheSlot, result.Operation);
                answer = new CachedResponse(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", result.Operation, tags);
                if (cacheSlot is not null && succeeded && responseCache.Store(cacheSlot.Key, answer, cacheSlot.Generation, tags!))
                {
                    stored = answer;
                    if (cacheSlot.RawKey is { } rawKey)
                    {
                        responseCache.Store(rawKey, answer, cacheSlot.Generation, tags!);
                    }
                }
            }
            finally
            {
                if (cacheSlot?.Leads is { } leads)
                {
                    responseCache.End(leads, stored);
                }
            }
        }

        if (!isShareable)
        {
            response.Headers.CacheControl = "no-store";
            await WriteBodyAsync(response, answer.Body, http.RequestAborted);
            return;
        }

        // Anonymous GET results are what a CDN caches: give them a validator and a lifetime.
        var etag = new EntityTagHeaderValue(answer.ETag);
        response.Headers.ETag = answer.ETag;
        response.Headers.CacheControl = options.Value.GetCacheControl;
        if (options.Value.ResponseCache.TagHeader is { Length: > 0 } tagHeader && answer.Tags is { Count: > 0 } answerTags)
        {
            // The same tags the change events name for purging, so that a CDN purging by tag drops exactly these answers.
            response.Headers[tagHeader] = string.Join(ResponseCacheOptions.TagSeparatorOf(tagHeader), answerTags);
        }

        response.Headers.Vary = string.Join(", ", ["Accept", .. options.Value.CredentialHeaders]);
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var ifNoneMatch) &&
            ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentType = null;
            return;
        }

        await WriteBodyAsync(response, answer.Body, http.RequestAborted);
    }

    private static async Task WriteBodyAsync(HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private bool IsAnonymous(HttpRequest request) =>
        !options.Value.CredentialHeaders.Any(header => request.Headers.ContainsKey(header));

    private void LogUnhandledErrors(ExecutionResult result, string correlationId, string? operationName)
    {
        foreach (var error in result.Errors?.OfType<UnhandledError>() ?? [])
        {
            error.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            error.Extensions["correlationId"] = correlationId;
            LogUnhandled(logger, error.InnerException ?? error, correlationId, operationName ?? "(anonymous)");
        }
    }

    [LoggerMessage(Message = "GraphQL {OperationName} ({OperationType}) answered {Status} in {ElapsedMs:0.0} ms; errors: [{ErrorCodes}]")]
    private static partial void LogOperation(ILogger logger, LogLevel level, string operationName, string operationType, int status, double elapsedMs, string errorCodes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in GraphQL operation {OperationName}; correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId, string operationName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content change feed could not be read after a mutation; the response cache is off until it can be.")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}

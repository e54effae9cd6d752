using System.Text;
using System.Threading.Channels;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's distinct-connections mode: a GET or POST that accepts
/// <c>text/event-stream</c> gets <c>event: next</c> per result and <c>event: complete</c> at the end, on a connection of
/// its own. Credentials are the request's headers, as for any request. A client that reads slower than its events
/// arrive gets a SLOW_CONSUMER error and the stream ends.
/// </summary>
public sealed partial class GraphQLSseHandler(
    StreamingOperations operations,
    GraphQLRequestReader reader,
    IGraphQLTextSerializer serializer,
    StreamingConnections connections,
    StreamingKeepAlive keepAlives,
    IHostApplicationLifetime lifetime,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLSseHandler> logger)
{
    public const string EventStream = "text/event-stream";

    /// <summary>Queued by the keep-alive timer when the stream is idle; written as a comment line.</summary>
    private static readonly ExecutionResult KeepAlivePing = new();

    /// <summary>
    /// Whether the client prefers an event stream: <c>text/event-stream</c> is its most preferred type (highest quality,
    /// first among equals). Clients such as urql list it after the JSON types on every request, for incremental delivery,
    /// and must get JSON for a query.
    /// </summary>
    public static bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return false;
        }

        var preferred = accepted.Where(type => type.Quality is not 0).OrderByDescending(type => type.Quality ?? 1).FirstOrDefault();
        return preferred is not null && preferred.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase);
    }

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limits = options.Value.Subscriptions;
        var (request, readError) = HttpMethods.IsGet(http.Request.Method)
            ? reader.ReadQueryString(http.Request.Query)
            : HttpMethods.IsPost(http.Request.Method) && GraphQLRequestReader.IsJson(http.Request.ContentType)
                ? await reader.ReadJsonAsync(http)
                : (null, TransportErrors.UnsupportedMediaType());
        if (readError is not null)
        {
            await WriteRefusalAsync(http, readError);
            return;
        }

        using var slot = connections.TryOpen(http, http.User);
        if (slot is null)
        {
            await WriteRefusalAsync(http, TransportErrors.TooManyConnections(limits.MaxConnectionsPerCaller));
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        StreamingResult result;
        try
        {
            result = await operations.ExecuteAsync(http, http.User, request!, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }

        if (result.Refused)
        {
            await WriteRefusalAsync(http, result.Result!);
            return;
        }

        // The stream is subscribed to before anything is written: a shared execution is owned by its subscribers, and one
        // never subscribed to (a client gone while the headers were written) would stay running.
        // One place more than the limit, for a keep-alive ping, which is queued only when nothing else is.
        var queue = Channel.CreateBounded<ExecutionResult?>(new BoundedChannelOptions(limits.MaxQueuedMessages + 1) { SingleReader = true });
        var overflowed = 0;
        using var subscription = result.Stream?.Subscribe(new QueueObserver(queue, limits.MaxQueuedMessages, () => Interlocked.Exchange(ref overflowed, 1)));
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = EventStream + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(stopping.Token);

        // The headers go out now, so that a client knows its stream is open before the first event.
        await http.Response.Body.FlushAsync(stopping.Token);
        if (subscription is null)
        {
            await WriteEventAsync(http, "next", serializer.Serialize(result.Result!), stopping.Token);
            await WriteEventAsync(http, "complete", string.Empty, stopping.Token);
            return;
        }

        using var keepAlive = keepAlives.Register(() =>
        {
            if (queue.Reader.Count == 0)
            {
                queue.Writer.TryWrite(KeepAlivePing);
            }
        });
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopping.Token))
            {
                while (queue.Reader.TryRead(out var item))
                {
                    if (item is null)
                    {
                        await WriteEventAsync(http, "complete", string.Empty, stopping.Token);
                        return;
                    }

                    if (ReferenceEquals(item, KeepAlivePing))
                    {
                        await http.Response.WriteAsync(":\n\n", stopping.Token);
                        await http.Response.Body.FlushAsync(stopping.Token);
                        continue;
                    }

                    await WriteEventAsync(http, "next", ResultText.Of(serializer, item), stopping.Token);
                }
            }

            if (Volatile.Read(ref overflowed) == 1)
            {
                LogSlowConsumer(logger, limits.MaxQueuedMessages);
                await WriteEventAsync(http, "next", serializer.Serialize(new ExecutionResult { Errors = [TransportErrors.SlowConsumer(limits.MaxQueuedMessages)] }), stopping.Token);
            }

            await WriteEventAsync(http, "complete", string.Empty, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client went away, or the server is stopping: the response ends here.
        }
    }

    private static async Task WriteEventAsync(HttpContext http, string name, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("event: ").Append(name).Append('\n');
        text.Append("data: ").Append(data).Append("\n\n");
        await http.Response.WriteAsync(text.ToString(), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private async Task WriteRefusalAsync(HttpContext http, ExecutionError error) =>
        await WriteRefusalAsync(http, new ExecutionResult { Errors = [error] });

    private async Task WriteRefusalAsync(HttpContext http, ExecutionResult result)
    {
        var status = result.Errors?.OfType<ICodedError>().Select(e => e.StatusCode).FirstOrDefault(s => s is not null) ?? StatusCodes.Status400BadRequest;
        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseMediaType.GraphQLResponse + "; charset=utf-8";
        await http.Response.WriteAsync(serializer.Serialize(result), http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended an event stream whose client did not read its {Limit} queued results (slow consumer)")]
    private static partial void LogSlowConsumer(ILogger logger, int limit);

    /// <summary>Queues each result; null marks the end. A full queue marks the stream as overflowed instead of waiting.</summary>
    private sealed class QueueObserver(Channel<ExecutionResult?> queue, int limit, Action overflow) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (queue.Reader.Count >= limit || !queue.Writer.TryWrite(value))
            {
                overflow();
                queue.Writer.TryComplete();
            }
        }

        public void OnError(Exception error)
        {
            queue.Writer.TryWrite(new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The subscription failed.", error)] });
            queue.Writer.TryWrite(null);
        }

        public void OnCompleted() => queue.Writer.TryWrite(null);
    }
}

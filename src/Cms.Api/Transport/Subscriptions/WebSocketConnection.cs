using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Cms.Api.Transport;

/// <summary>
/// One graphql-transport-ws connection: <c>connection_init</c> (credentials in its payload) then <c>connection_ack</c>;
/// <c>subscribe</c>, <c>next</c>, <c>error</c>, <c>complete</c> per operation id; <c>ping</c> and <c>pong</c> both ways.
/// Everything sent goes through one bounded queue, written by one sender at a time: a client that cannot keep up is closed
/// with <see cref="StreamingCloseCodes.SlowConsumer"/> instead of buffering without end.
/// An idle connection holds as little as it can (many thousands may be open): no receive buffer while it waits for a frame,
/// no sending task while nothing is queued, one cancellation for the connection and none for an operation that does not need one.
/// </summary>
internal sealed partial class WebSocketConnection(
    HttpContext http,
    WebSocket socket,
    StreamingOperations operations,
    IGraphQLTextSerializer serializer,
    IConnectionAuthenticator authenticator,
    StreamingConnections connections,
    StreamingKeepAlive keepAlives,
    GraphQLHttpOptions options,
    ILogger logger,
    CancellationToken serverStopping) : IDisposable
{
    private const int ReceiveBufferSize = 1024;

    /// <summary>How long a closing connection waits for the client to read what is in flight and to answer the close frame.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly Queue<string> _queued = new(0);
    private readonly Dictionary<string, IDisposable> _operations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Cancelled when the client goes away or the connection ends.</summary>
    private readonly CancellationTokenSource _closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private bool _accepting = true; // under _queued: false once the connection is closing or has ended
    private bool _sending; // under _queued: a sender is writing the queue out
    private TaskCompletionSource? _senderStopped; // under _queued: made at the end, when a sender still runs
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private IDisposable? _slot;
    private int _initState; // 0 none, 1 received, 2 acknowledged
    private CancellationTokenSource? _initTimeout;
    private int _closing;
    private Task _pendingClose = Task.CompletedTask;

    public void Dispose()
    {
        _closed.Dispose();
        _sendLock.Dispose();
    }

    private int OperationCount
    {
        get
        {
            lock (_operations)
            {
                return _operations.Count;
            }
        }
    }

    private bool ReserveOperation(string id, IDisposable operation)
    {
        lock (_operations)
        {
            return _operations.TryAdd(id, operation);
        }
    }

    private bool RemoveOperation(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDisposable? operation)
    {
        lock (_operations)
        {
            return _operations.Remove(id, out operation);
        }
    }

    private IDisposable[] RemoveAllOperations()
    {
        lock (_operations)
        {
            IDisposable[] all = [.. _operations.Values];
            _operations.Clear();
            return all;
        }
    }

    public async Task RunAsync()
    {
        // The server stopping closes the socket with a close frame (1001), never by cancelling a receive, which would
        // abort the socket and leave the client with an abnormal closure and no reason.
        using var goingAway = serverStopping.UnsafeRegister(static state => ((WebSocketConnection)state!).BeginClose(StreamingCloseCodes.GoingAway, "Server shutting down"), this);
        var token = _closed.Token;
        using var keepAlive = keepAlives.Register(() => Enqueue("""{"type":"ping"}"""));

        // A timer rather than a waiting task, and released once the connection is acknowledged.
        _initTimeout = new CancellationTokenSource(options.Subscriptions.ConnectionInitTimeout);
        _initTimeout.Token.UnsafeRegister(static state => ((WebSocketConnection)state!).OnInitTimeout(), this);
        try
        {
            await ReceiveLoopAsync(token);
        }
        catch (OperationCanceledException)
        {
            // Aborted: the client went away, or did not answer our close frame in time.
        }
        catch (WebSocketException)
        {
            // The client went away mid-message.
        }
        finally
        {
            foreach (var running in RemoveAllOperations())
            {
                running.Dispose();
            }

            Interlocked.Exchange(ref _initTimeout, null)?.Dispose();
            _slot?.Dispose();
            await _closed.CancelAsync();
            Task senderStopped;
            lock (_queued)
            {
                _accepting = false;
                _queued.Clear();
                senderStopped = _sending ? (_senderStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : Task.CompletedTask;
            }

            await Task.WhenAll(senderStopped, Quietly(Volatile.Read(ref _pendingClose)));
        }
    }

    /// <summary>
    /// Ends the connection with a close frame: nothing more is queued, the message being written (if any) is finished
    /// when the client reads it within <see cref="CloseGrace"/>, then the close frame goes out and the client's answer ends
    /// the receive loop. A client that reads nothing in that time is cut off without one.
    /// </summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        lock (_queued)
        {
            _accepting = false;
        }

        var acquired = false;
        try
        {
            acquired = await _sendLock.WaitAsync(CloseGrace);
            if (acquired && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseGrace);
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                _closed.CancelAfter(CloseGrace);
                return;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone already.
        }
        finally
        {
            if (acquired)
            {
                _sendLock.Release();
            }
        }

        await CancelQuietlyAsync(_closed);
    }

    /// <summary>Starts a close from outside the receive loop (a full queue, the server stopping); the connection's end awaits it.</summary>
    private void BeginClose(int code, string reason)
    {
        var closing = CloseAsync(code, reason);
        if (!closing.IsCompleted)
        {
            Volatile.Write(ref _pendingClose, closing);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            // A zero-byte receive waits for the next frame without a buffer; one is rented only while a message is read.
            var next = await socket.ReceiveAsync(Memory<byte>.Empty, token);
            if (next.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(1000, "Normal closure");
                return;
            }

            var (text, closed) = await ReadMessageAsync(next.EndOfMessage, token);
            if (closed)
            {
                await CloseAsync(1000, "Normal closure");
                return;
            }

            if (text is null)
            {
                await CloseAsync(StreamingCloseCodes.BadRequest, "Message too large");
                return;
            }

            await HandleMessageAsync(text, token);
        }
    }

    /// <summary>
    /// The rest of a message whose first frame has arrived: its text, null when it is longer than the request limit, or
    /// <c>Closed</c> when the client's close frame came instead.
    /// </summary>
    private async Task<(string? Text, bool Closed)> ReadMessageAsync(bool ended, CancellationToken token)
    {
        if (ended)
        {
            return (string.Empty, false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        MemoryStream? longMessage = null;
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return (null, true);
                }

                if (received.EndOfMessage && longMessage is null)
                {
                    return (Encoding.UTF8.GetString(buffer, 0, received.Count), false);
                }

                longMessage ??= new MemoryStream();
                longMessage.Write(buffer, 0, received.Count);
                if (longMessage.Length > options.Limits.MaxRequestBytes)
                {
                    return (null, false);
                }

                if (received.EndOfMessage)
                {
                    return (Encoding.UTF8.GetString(longMessage.GetBuffer(), 0, (int)longMessage.Length), false);
                }
            }
        }
        finally
        {
            longMessage?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleMessageAsync(string text, CancellationToken token)
    {
        string? type;
        string? id;
        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        }
        catch (JsonException)
        {
            await CloseAsync(StreamingCloseCodes.BadRequest, "Invalid message received");
            return;
        }

        switch (type)
        {
            case "connection_init":
                await InitAsync(payload);
                break;
            case "ping":
                Enqueue("""{"type":"pong"}""");
                break;
            case "pong":
                break;
            case "subscribe" when id is { Length: > 0 }:
                await SubscribeAsync(id, payload, token);
                break;
            case "complete" when id is not null:
                if (RemoveOperation(id, out var running))
                {
                    running.Dispose();
                }

                break;
            default:
                await CloseAsync(StreamingCloseCodes.BadRequest, $"Invalid message received: {type ?? "no type"}");
                break;
        }
    }

    private async Task InitAsync(JsonElement payload)
    {
        if (Interlocked.CompareExchange(ref _initState, 1, 0) != 0)
        {
            await CloseAsync(StreamingCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        var credentials = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    credentials[property.Name] = property.Value.GetString()!;
                }
            }
        }

        var (user, refusal) = await authenticator.AuthenticateAsync(http, credentials);
        if (refusal is not null || user is null)
        {
            await CloseAsync(StreamingCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _slot = connections.TryOpen(http, user);
        if (_slot is null)
        {
            await CloseAsync(StreamingCloseCodes.TooManyConnections, "Too many connections");
            return;
        }

        _user = user;
        http.User = user;
        Volatile.Write(ref _initState, 2);
        Interlocked.Exchange(ref _initTimeout, null)?.Dispose();
        Enqueue("""{"type":"connection_ack"}""");
    }

    private async Task SubscribeAsync(string id, JsonElement payload, CancellationToken token)
    {
        if (Volatile.Read(ref _initState) != 2)
        {
            await CloseAsync(StreamingCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        bool known;
        lock (_operations)
        {
            known = _operations.ContainsKey(id);
        }

        if (known)
        {
            await CloseAsync(StreamingCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (OperationCount >= options.Subscriptions.MaxSubscriptionsPerConnection)
        {
            Enqueue(ErrorMessage(id, new TransportError(
                $"At most {options.Subscriptions.MaxSubscriptionsPerConnection} operations may run on one connection; complete one first.", TransportErrors.Codes.TooManySubscriptions)));
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = payload.ValueKind == JsonValueKind.Object ? serializer.Deserialize<GraphQLRequest>(payload.GetRawText()) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            request = null;
        }

        if (request is null)
        {
            await CloseAsync(StreamingCloseCodes.BadRequest, "Invalid subscribe payload");
            return;
        }

        // Reserved before the (asynchronous) execution, so a repeated id is caught while the first is still starting.
        var operation = new OperationSubscription(token);
        if (!ReserveOperation(id, operation))
        {
            await CloseAsync(StreamingCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        StreamingResult result;
        try
        {
            result = await operations.ExecuteAsync(http, _user, request, operation.Cancellation);
        }
        catch (OperationCanceledException)
        {
            RemoveOperation(id, out _);
            return;
        }

        if (result.Stream is { } stream)
        {
            operation.Attach(stream.Subscribe(new Forwarder(this, id)), keepCancellation: result.StreamUsesCancellation);
            return;
        }

        RemoveOperation(id, out _);
        if (result.Refused)
        {
            Enqueue(ErrorsMessage(id, result.Result!));
            return;
        }

        Enqueue(NextMessage(id, result.Result!));
        Enqueue(CompleteMessage(id));
    }

    private void Enqueue(string message)
    {
        bool full = false, startSender = false;
        lock (_queued)
        {
            if (!_accepting)
            {
                return;
            }

            if (_queued.Count >= options.Subscriptions.MaxQueuedMessages)
            {
                // Nothing more is queued; the close ends the connection.
                _accepting = false;
                full = true;
            }
            else
            {
                _queued.Enqueue(message);
                startSender = !_sending;
                _sending = true;
            }
        }

        if (full && Volatile.Read(ref _closing) == 0)
        {
            LogSlowConsumer(logger, options.Subscriptions.MaxQueuedMessages);
            BeginClose(StreamingCloseCodes.SlowConsumer, "Slow consumer");
        }
        else if (startSender)
        {
            // On the thread pool, not the caller's thread: a shared subscription's event is queued for every subscriber in turn.
            ThreadPool.UnsafeQueueUserWorkItem(static connection => _ = connection.SendQueuedAsync(), this, preferLocal: false);
        }
    }

    /// <summary>Writes the queue out, then ends; the next message queued starts a new sender.</summary>
    private async Task SendQueuedAsync()
    {
        var token = _closed.Token;
        var drained = false;
        try
        {
            while (true)
            {
                string? message;
                lock (_queued)
                {
                    if (!_queued.TryDequeue(out message))
                    {
                        _sending = false;
                        drained = true;
                        return;
                    }
                }

                await _sendLock.WaitAsync(token);
                try
                {
                    if (Volatile.Read(ref _closing) == 1 || socket.State != WebSocketState.Open)
                    {
                        return;
                    }

                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending.
        }
        finally
        {
            TaskCompletionSource? stopped;
            lock (_queued)
            {
                if (!drained)
                {
                    _sending = false;
                }

                stopped = _senderStopped;
            }

            stopped?.TrySetResult();
        }
    }

    private void OnInitTimeout()
    {
        if (Volatile.Read(ref _initState) == 0)
        {
            BeginClose(StreamingCloseCodes.ConnectionInitTimeout, "Connection initialisation timeout");
        }
    }

    private string NextMessage(string id, ExecutionResult result) =>
        $$"""{"type":"next","id":{{JsonSerializer.Serialize(id)}},"payload":{{ResultText.Of(serializer, result)}}}""";

    private string ErrorsMessage(string id, ExecutionResult result)
    {
        // The protocol's error message carries the errors array alone.
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        var errors = document.RootElement.TryGetProperty("errors", out var e) ? e.GetRawText() : "[]";
        return $$"""{"type":"error","id":{{JsonSerializer.Serialize(id)}},"payload":{{errors}}}""";
    }

    private string ErrorMessage(string id, ExecutionError error) => ErrorsMessage(id, new ExecutionResult { Errors = [error] });

    private static string CompleteMessage(string id) => $$"""{"type":"complete","id":{{JsonSerializer.Serialize(id)}}}""";

    private static async Task CancelQuietlyAsync(CancellationTokenSource source)
    {
        try
        {
            await source.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The connection has ended meanwhile.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Ending with the connection.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a WebSocket whose client did not read its {Limit} queued messages (slow consumer)")]
    private static partial void LogSlowConsumer(ILogger logger, int limit);

    /// <summary>One running operation: its cancellation (for the start) and its stream subscription (once started).</summary>
    private sealed class OperationSubscription(CancellationToken connection) : IDisposable
    {
        /// <summary>Cancelled by the connection or by this operation's end; disposed with the operation, so that an
        /// operation completed on a long-lived connection leaves no registration on the connection's token.</summary>
        private CancellationTokenSource? _cancel = CancellationTokenSource.CreateLinkedTokenSource(connection);
        private IDisposable? _stream;
        private int _disposed;

        public CancellationToken Cancellation => _cancel!.Token;

        /// <summary>
        /// The started stream. Its cancellation is released at once when the stream does not run on it (a shared execution
        /// has its own), so that an idle subscriber holds none.
        /// </summary>
        public void Attach(IDisposable stream, bool keepCancellation)
        {
            _stream = stream;
            if (Volatile.Read(ref _disposed) == 1)
            {
                stream.Dispose();
                return;
            }

            if (!keepCancellation)
            {
                Interlocked.Exchange(ref _cancel, null)?.Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _stream?.Dispose();
                if (Interlocked.Exchange(ref _cancel, null) is { } cancel)
                {
                    cancel.Cancel();
                    cancel.Dispose();
                }
            }
        }
    }

    private sealed class Forwarder(WebSocketConnection connection, string id) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.Enqueue(connection.NextMessage(id, value));

        public void OnError(Exception error)
        {
            connection.RemoveOperation(id, out _);
            connection.Enqueue(connection.ErrorMessage(id, error as ExecutionError ?? new ExecutionError("The subscription failed.", error)));
        }

        public void OnCompleted()
        {
            if (connection.RemoveOperation(id, out _))
            {
                connection.Enqueue(CompleteMessage(id));
            }
        }
    }
}

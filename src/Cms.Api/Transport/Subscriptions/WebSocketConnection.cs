using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace Cms.Api.Transport;

/// <summary>
/// One graphql-transport-ws connection: <c>connection_init</c> (credentials in its payload) then <c>connection_ack</c>;
/// <c>subscribe</c>, <c>next</c>, <c>error</c>, <c>complete</c> per operation id; <c>ping</c> and <c>pong</c> both ways.
/// Everything sent goes through one bounded queue and one writer: a client that cannot keep up is closed with
/// <see cref="StreamingCloseCodes.SlowConsumer"/> instead of buffering without end.
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

    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Subscriptions.MaxQueuedMessages) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Dictionary<string, IDisposable> _operations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
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

    public async Task RunAsync(CancellationToken requestAborted)
    {
        // The server stopping closes the socket with a close frame (1001), never by cancelling a receive, which would
        // abort the socket and leave the client with an abnormal closure and no reason.
        using var goingAway = serverStopping.Register(() => BeginClose(StreamingCloseCodes.GoingAway, "Server shutting down"));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closed.Token);
        var token = linked.Token;
        var writer = WriteLoopAsync(token);
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
            _outbox.Writer.TryComplete();
            await Task.WhenAll(Quietly(writer), Quietly(Volatile.Read(ref _pendingClose)));
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

        _outbox.Writer.TryComplete();
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
        // A small buffer, rented only while a message is read: an idle subscription should cost as little memory as possible.
        var buffer = new byte[ReceiveBufferSize];
        MemoryStream? longMessage = null;
        try
        {
            while (!token.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(1000, "Normal closure");
                    return;
                }

                if (received.EndOfMessage && longMessage is null)
                {
                    await HandleMessageAsync(Encoding.UTF8.GetString(buffer, 0, received.Count), token);
                    continue;
                }

                longMessage ??= new MemoryStream();
                longMessage.Write(buffer, 0, received.Count);
                if (longMessage.Length > options.Limits.MaxRequestBytes)
                {
                    await CloseAsync(StreamingCloseCodes.BadRequest, "Message too large");
                    return;
                }

                if (received.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(longMessage.GetBuffer(), 0, (int)longMessage.Length);
                    await longMessage.DisposeAsync();
                    longMessage = null;
                    await HandleMessageAsync(text, token);
                }
            }
        }
        finally
        {
            longMessage?.Dispose();
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
        var operation = new OperationSubscription();
        if (!ReserveOperation(id, operation))
        {
            await CloseAsync(StreamingCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        StreamingResult result;
        try
        {
            result = await operations.ExecuteAsync(http, _user, request, operation.Cancellation(token));
        }
        catch (OperationCanceledException)
        {
            RemoveOperation(id, out _);
            return;
        }

        if (result.Stream is { } stream)
        {
            operation.Attach(stream.Subscribe(new Forwarder(this, id)));
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
        if (!_outbox.Writer.TryWrite(message) && Volatile.Read(ref _closing) == 0)
        {
            LogSlowConsumer(logger, options.Subscriptions.MaxQueuedMessages);
            BeginClose(StreamingCloseCodes.SlowConsumer, "Slow consumer");
        }
    }

    private async Task WriteLoopAsync(CancellationToken token)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(token))
        {
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
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or ChannelClosedException)
        {
            // Ending with the connection.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a WebSocket whose client did not read its {Limit} queued messages (slow consumer)")]
    private static partial void LogSlowConsumer(ILogger logger, int limit);

    /// <summary>One running operation: its cancellation (for the start) and its stream subscription (once started).</summary>
    private sealed class OperationSubscription : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private CancellationTokenSource? _linked;
        private IDisposable? _stream;
        private int _disposed;

        /// <summary>Cancelled by the connection or by this operation's end; disposed with the operation, so that an
        /// operation completed on a long-lived connection leaves no registration on the connection's token.</summary>
        public CancellationToken Cancellation(CancellationToken connection)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(connection, _cancel.Token);
            return _linked.Token;
        }

        public void Attach(IDisposable stream)
        {
            _stream = stream;
            if (Volatile.Read(ref _disposed) == 1)
            {
                stream.Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _cancel.Cancel();
                _stream?.Dispose();
                _linked?.Dispose();
                _cancel.Dispose();
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

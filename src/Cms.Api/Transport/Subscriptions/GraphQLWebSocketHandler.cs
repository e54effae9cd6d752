using GraphQL;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (the protocol of the <c>graphql-ws</c> library that
/// Apollo Client, urql and Relay use). A socket that does not ask for the subprotocol is closed with 4406.
/// </summary>
public sealed class GraphQLWebSocketHandler(
    StreamingOperations operations,
    IGraphQLTextSerializer serializer,
    IConnectionAuthenticator authenticator,
    StreamingConnections connections,
    StreamingKeepAlive keepAlives,
    IHostApplicationLifetime lifetime,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLWebSocketHandler> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var wanted = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(wanted ? SubProtocol : null);
        using var connection = new WebSocketConnection(http, socket, operations, serializer, authenticator, connections, keepAlives, options.Value, logger, lifetime.ApplicationStopping);
        if (!wanted)
        {
            await connection.CloseAsync(StreamingCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        await connection.RunAsync();
    }
}

namespace Cms.Api.Transport;

/// <summary>
/// The WebSocket close codes: those of the graphql-transport-ws protocol, and this server's own for its limits.
/// </summary>
public static class StreamingCloseCodes
{
    /// <summary>A message that is not JSON or not of the protocol.</summary>
    public const int BadRequest = 4400;

    /// <summary><c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The credentials in <c>connection_init</c> were refused.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not ask for the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within <c>GraphQL:Subscriptions:ConnectionInitTimeout</c>.</summary>
    public const int ConnectionInitTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>This server's: the client read slower than its events arrived and its queue filled.</summary>
    public const int SlowConsumer = 4013;

    /// <summary>This server's: the caller already holds <c>GraphQL:Subscriptions:MaxConnectionsPerCaller</c> connections.</summary>
    public const int TooManyConnections = 4029;

    /// <summary>The standard code for a server going away (shutdown).</summary>
    public const int GoingAway = 1001;
}

using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>The limits of the two streaming transports (graphql-transport-ws and GraphQL over SSE). Section "GraphQL:Subscriptions".</summary>
public sealed class SubscriptionLimits
{
    /// <summary>Serve subscriptions over WebSocket and Server-Sent Events. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle connection is pinged (WebSocket) or sent a comment (SSE), so proxies keep it open. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> before it is closed with 4408. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operations running at once on one WebSocket; one more is answered with a TOO_MANY_SUBSCRIPTIONS error. Default 25.</summary>
    [Range(1, 1000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 25;

    /// <summary>Open streaming connections (WebSocket or SSE) per API key, token subject or, for anonymous callers, IP address. Default 100.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerCaller { get; set; } = 100;

    /// <summary>Messages queued for a client that reads slower than events arrive; one more closes it (4013 on WebSocket). Default 100.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedMessages { get; set; } = 100;
}

using System.Net;
using System.Net.Sockets;

namespace Cms.Testing;

/// <summary>Ports for servers that tests and benchmarks start on loopback (the app, Azurite, the sample site, a ceiling).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now: the system picks it, and the listener that asked is closed at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

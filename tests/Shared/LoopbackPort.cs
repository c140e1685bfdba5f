using System.Net;
using System.Net.Sockets;

namespace McpVanguard.Testing;

/// <summary>A loopback port for a server a test starts.</summary>
internal static class LoopbackPort
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

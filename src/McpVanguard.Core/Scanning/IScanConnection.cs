using McpVanguard.Transports;

namespace McpVanguard.Scanning;

/// <summary>How a scan talks to one server: a transport, and why it stopped talking.</summary>
public interface IScanConnection : IMcpTransport
{
    /// <summary>After <see cref="IMcpTransport.ReadAsync"/> ended: why the server stopped talking (for example its exit code).</summary>
    Task<string> DescribeCloseAsync();
}

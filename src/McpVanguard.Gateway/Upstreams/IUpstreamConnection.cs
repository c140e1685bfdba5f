using McpVanguard.Relay;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>The server side of one gateway session: messages written to it reach the upstream; what it sends goes to the relay.</summary>
internal interface IUpstreamConnection : IMessageSink, IAsyncDisposable
{
    /// <summary>Starts feeding the upstream's messages to <paramref name="relay"/>; the task ends when the upstream is gone.</summary>
    Task RunAsync(McpRelay relay);
}

using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;
using McpVanguard.Relay;
using McpVanguard.Sessions;

namespace McpVanguard.Gateway.Sessions;

/// <summary>Builds a gateway session around the same relay and pipeline as stdio mode: one relay per session.</summary>
internal sealed class SessionFactory(InspectionEngine engine, IAuditSink audit, UpstreamConnector connector, VanguardOptions options)
{
    /// <summary>The nesting limit messages are parsed with (the endpoints parse each body once, for the relay too).</summary>
    public int MaxDepth => engine.Limits.MaxDepth;

    /// <summary>Opens the upstream (starting a child for a stdio server); throws <see cref="Transports.Stdio.UpstreamStartException"/> when it cannot.</summary>
    public GatewaySession Create(string sessionId, UpstreamDefinition server, CallerIdentity? caller, bool legacySse)
    {
        var upstream = connector.Open(server);
        var relaySession = new RelaySession(RelaySession.NewId(), server.Id, options.MaxPendingRequests, options.PendingTimeout)
        {
            Caller = caller,

            // The upstream as configured keys the tool pins, exactly as `vanguard start` names a command line.
            Upstream = server.Url?.ToString() ?? Transports.Stdio.CommandLineSplitter.Join(server.Command ?? []),
        };
        var outbox = new SessionOutbox(legacySse);
        var relay = new McpRelay(engine, relaySession, outbox, upstream, audit, options.AuditAllows);
        return new GatewaySession(sessionId, server, caller, relay, outbox, upstream);
    }
}

using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Transports.Stdio;

/// <summary>Settings of one <c>vanguard start</c> run.</summary>
/// <param name="ServerId">The id every audit record carries.</param>
/// <param name="ShutdownGrace">How long the server gets to exit after its stdin is closed before its process tree is killed.</param>
/// <param name="Upstream">The server's command line as configured (identifies its tool pins).</param>
public sealed record StdioProxyOptions(string ServerId, TimeSpan ShutdownGrace, int MaxPending, TimeSpan PendingTimeout, bool AuditAllows, string? Upstream = null);

/// <summary>
/// Local mode: the agent speaks to vanguard on stdin/stdout, vanguard speaks to the server child on its stdin/stdout,
/// and the relay inspects everything in between. Reading and writing of each side run on separate tasks.
/// </summary>
public sealed class StdioProxy(InspectionEngine engine, IAuditSink audit, StdioProxyOptions options, TextWriter log)
{
    /// <summary>
    /// Relays for an already started server (which it then owns) until the agent disconnects, the server exits or a
    /// signal arrives; returns the server's exit code.
    /// </summary>
    public async Task<int> RunAsync(StdioUpstream started, string serverName, Stream agentInput, Stream agentOutput, CancellationToken cancellationToken)
    {
        await using var upstream = started;
        using var active = Telemetry.ActiveSession.Open();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = RegisterSignals(stop);

        var toAgent = new StreamMessageWriter(agentOutput);
        var toServer = new StreamMessageWriter(upstream.Input);
        var session = new RelaySession(RelaySession.NewId(), options.ServerId, options.MaxPending, options.PendingTimeout) { Upstream = options.Upstream };
        var relay = new McpRelay(engine, session, toAgent, toServer, audit, options.AuditAllows);

        // Each direction reads on a thread of its own with blocking reads: a message wakes the thread that inspects and
        // forwards it (writes complete at once while the pipe has room), so one message costs one wake-up per hop.
        var serverPump = OnOwnThread(() => RelayLoop.PumpAsync(LineFramer.ReadAsync(new BlockingReadStream(upstream.Output), relay.MaxMessageBytes, CancellationToken.None), relay, Direction.ServerToAgent, CancellationToken.None));
        var agentPump = OnOwnThread(() => RelayLoop.PumpAsync(LineFramer.ReadAsync(new BlockingReadStream(agentInput), relay.MaxMessageBytes, stop.Token), relay, Direction.AgentToServer, stop.Token));

        // A signal must not wait for the agent's stdin: a console read does not observe cancellation.
        var signalled = Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
        var first = await Task.WhenAny(agentPump, serverPump, signalled).ConfigureAwait(false);
        if (first != serverPump)
        {
            // The agent hung up (or a signal arrived): let queued messages reach the server, close its stdin, then give it a grace period.
            await toServer.DisposeAsync().ConfigureAwait(false);
            upstream.CloseInput();
            if (!await upstream.WaitForExitAsync(options.ShutdownGrace).ConfigureAwait(false))
            {
                log.WriteLine($"[vanguard] server did not exit within {options.ShutdownGrace.TotalSeconds:0.#} s of stdin closing; killing its process tree.");
            }

            upstream.KillTree();
            await serverPump.ConfigureAwait(false);
        }
        else
        {
            await upstream.WaitForExitAsync(options.ShutdownGrace).ConfigureAwait(false);
            upstream.KillTree();
            var code = upstream.HasExited ? upstream.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
            var reason = $"The MCP server exited (code {code}) before answering.";
            await relay.FailPendingAsync(reason, CancellationToken.None).ConfigureAwait(false);
            log.WriteLine($"[vanguard] server '{serverName}' exited with code {code}; stopping.");
            await toServer.DisposeAsync().ConfigureAwait(false);
        }

        await upstream.WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await toAgent.DisposeAsync().ConfigureAwait(false);
        return upstream.HasExited ? upstream.ExitCode : 1;
    }

    /// <summary>
    /// Starts <paramref name="pump"/> on a dedicated thread, where it stays while every step completes at once; a step that
    /// waits (an L2 score, a full pipe) continues on the thread pool.
    /// </summary>
    private static Task OnOwnThread(Func<Task> pump)
        => Task.Factory.StartNew(pump, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private static TerminationSignals RegisterSignals(CancellationTokenSource stop)
        => TerminationSignals.Register(context =>
        {
            // Handle SIGINT/SIGTERM/SIGHUP like an agent hang-up: orderly shutdown of the child, no orphans.
            context.Cancel = true;
            stop.Cancel();
        });
}

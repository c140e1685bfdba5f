using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>relay-loop</c>: what one forwarded call costs the relay's mechanics around inspection, in one process and with no
/// child: the two pumps of <c>vanguard start</c> (<see cref="RelayLoop"/> on threads of their own, blocking reads through
/// <see cref="BlockingReadStream"/>, <see cref="StreamMessageWriter"/> into pipes), the engine with the L3 stage as
/// <c>start</c> composes it, and the audit sink writing a chained file. A fake agent sends sequential <c>tools/call</c>
/// requests into one pipe and a fake server answers each from another, both from pre-built bytes (they allocate
/// nothing), so the bytes allocated per call are the relay's, both directions. Reported per call: bytes allocated, gen-0
/// collections, and CPU of the whole process (fake peers included; compare builds with it, not with vanguard's own).
/// </summary>
public static class RelayLoopCost
{
    public static void Run(int calls = 20_000, bool sameCall = false)
    {
        var requests = new byte[calls][];
        var responses = new byte[calls][];
        for (var i = 0; i < calls; i++)
        {
            var id = i + 1;
            // Distinct arguments, as the issue's harness sends them; --same repeats one call (a loop to L3, BEH-008 each time).
            var message = sameCall ? "hello" : $"hello {id}";
            requests[i] = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"" + message + "\"}}}\n");
            responses[i] = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"Echo: " + message + "\"}]}}\n");
        }

        var options = Configuration.ConfigurationLoader.Load(new Dictionary<string, object> { ["profile"] = "balanced" }, new Dictionary<string, string>(), null, []);
        var engine = InspectionEngine.Create(options, BenchEngine.Rules, options.Access, null, BehaviourStage.Stages(options.Behaviour, TimeProvider.System));
        var folder = Directory.CreateTempSubdirectory("vanguard-relay-loop-").FullName;
        var audit = new AuditSink(Path.Combine(folder, "audit.jsonl"), 64L * 1024 * 1024, 3, TextWriter.Null);

        // agent → vanguard, vanguard → server, server → vanguard, vanguard → agent: four pipes, as in local mode.
        using var agentOut = new AnonymousPipeServerStream(PipeDirection.Out);
        using var relayIn = new AnonymousPipeClientStream(PipeDirection.In, agentOut.ClientSafePipeHandle);
        using var relayToServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var serverIn = new AnonymousPipeClientStream(PipeDirection.In, relayToServer.ClientSafePipeHandle);
        using var serverOut = new AnonymousPipeServerStream(PipeDirection.Out);
        using var relayFromServer = new AnonymousPipeClientStream(PipeDirection.In, serverOut.ClientSafePipeHandle);
        using var relayToAgent = new AnonymousPipeServerStream(PipeDirection.Out);
        using var agentIn = new AnonymousPipeClientStream(PipeDirection.In, relayToAgent.ClientSafePipeHandle);

        var session = new RelaySession(RelaySession.NewId(), "default", 64, TimeSpan.FromMinutes(5));
        var relay = new McpRelay(engine, session, new StreamMessageWriter(relayToAgent), new StreamMessageWriter(relayToServer), audit);
        var serverPump = OnOwnThread(() => RelayLoop.PumpAsync(LineFramer.ReadAsync(new BlockingReadStream(relayFromServer), relay.MaxMessageBytes, CancellationToken.None), relay, Direction.ServerToAgent, CancellationToken.None));
        var agentPump = OnOwnThread(() => RelayLoop.PumpAsync(LineFramer.ReadAsync(new BlockingReadStream(relayIn), relay.MaxMessageBytes, CancellationToken.None), relay, Direction.AgentToServer, CancellationToken.None));
        var server = new Thread(() =>
        {
            var lines = new LineReader(serverIn);
            foreach (var response in responses)
            {
                lines.Skip();
                serverOut.Write(response);
            }
        }) { IsBackground = true, Name = "fake server" };
        server.Start();

        var fromRelay = new LineReader(agentIn);
        void Call(int i)
        {
            agentOut.Write(requests[i]);
            fromRelay.Skip();
        }

        var warmUp = calls / 4;
        for (var i = 0; i < warmUp; i++)
        {
            Call(i);
        }

        var timed = calls - warmUp;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var started = Stopwatch.GetTimestamp();
        for (var i = warmUp; i < calls; i++)
        {
            Call(i);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        agentOut.Dispose();
        agentPump.Wait(TimeSpan.FromSeconds(10));
        serverOut.Dispose();
        serverPump.Wait(TimeSpan.FromSeconds(10));
        audit.DisposeAsync().AsTask().Wait();
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"relay loop ({(sameCall ? "the same call" : "distinct calls")}, {timed} timed after {warmUp}): {(double)allocated / timed:F0} B allocated per call, "
            + $"{(double)gen0 * 1000 / timed:F2} gen-0 collections per 1,000 calls, {cpu.TotalMicroseconds / timed:F1} µs CPU per call (whole process, fake peers included), "
            + $"{wall.TotalMicroseconds / timed:F1} µs wall per call");
        Split(engine, requests, responses);
    }

    /// <summary>The same messages through the relay on this thread, with no pipes: which part of the bytes per call is whose.</summary>
    private static void Split(InspectionEngine engine, byte[][] requests, byte[][] responses)
    {
        var relay = new McpRelay(engine, new RelaySession(RelaySession.NewId(), "default", 64, TimeSpan.FromMinutes(5)), new DiscardingSink(), new DiscardingSink(), NullAuditSink.Instance);
        long parse = 0, request = 0, response = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            var frame = requests[i].AsMemory(0, requests[i].Length - 1);
            var answer = responses[i].AsMemory(0, responses[i].Length - 1);
            var before = GC.GetAllocatedBytesForCurrentThread();
            InboundMessage.Parse(frame, relay.MaxDepth).Dispose();
            var parsed = GC.GetAllocatedBytesForCurrentThread();
            Completed(relay.FromAgentAsync(frame, CancellationToken.None));
            var requested = GC.GetAllocatedBytesForCurrentThread();
            Completed(relay.FromServerAsync(answer, CancellationToken.None));
            var answered = GC.GetAllocatedBytesForCurrentThread();
            if (i >= requests.Length / 4)
            {
                parse += parsed - before;
                request += requested - parsed;
                response += answered - requested;
            }
        }

        var n = requests.Length - (requests.Length / 4);
        Console.WriteLine($"  of which, on one thread without pipes: parse {(double)parse / n:F0} B, request step {(double)request / n:F0} B, response step {(double)response / n:F0} B (each step: parse, inspection, L3, verdict)");
    }

    private static void Completed(ValueTask<StepOutcome> step)
    {
        if (!step.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("the relay step did not complete synchronously");
        }
    }

    private static Task OnOwnThread(Func<Task> pump)
        => Task.Factory.StartNew(pump, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Reads whole lines into a fixed buffer and throws them away: the fake peers allocate nothing per message.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public void Skip()
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    _start = newline + 1;
                    return;
                }

                // Keep the partial line at the front, so the buffer never runs out of room.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;

                var read = stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    throw new EndOfStreamException("the relay closed the pipe");
                }

                _end += read;
            }
        }
    }
}

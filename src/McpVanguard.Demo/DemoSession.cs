using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpVanguard.Demo;

/// <summary>
/// A scripted agent: connects with the official SDK client to a command that speaks MCP over stdio
/// (normally <c>vanguard start -- vanguard demo-server ...</c>) and runs <see cref="DemoScript"/>'s
/// steps, recording for each what the proxy did.
/// </summary>
public static class DemoSession
{
    // Generous: the first call also pays for two .NET start-ups (proxy and demo server).
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    // Only the end of the proxy's stderr is kept; it is shown when a run goes wrong.
    private const int MaxStderrLines = 200;

    // Table cells stay readable.
    private const int MaxReasonLength = 80;

    /// <summary>Runs <paramref name="steps"/> in order through one session started with <paramref name="launch"/>.</summary>
    /// <exception cref="DemoSessionException">The session could not be established.</exception>
    public static async Task<DemoReport> RunAsync(ProcessLaunch launch, IReadOnlyList<DemoStep> steps, CancellationToken cancellationToken)
    {
        var stderr = new StderrTail(MaxStderrLines);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vanguard",
            Command = launch.Command,
            Arguments = [.. launch.Arguments],
            StandardErrorLines = stderr.Add,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });

        McpClient client;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(StepTimeout);
            client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions { ClientInfo = new Implementation { Name = "vanguard-demo-agent", Version = "1.0.0" } },
                cancellationToken: connectTimeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The SDK appends the server's stderr tail to its message; the caller prints that tail once, from ProxyStderr.
            var reason = exception.Message.Split('\n', 2)[0].Trim();
            throw new DemoSessionException($"could not open an MCP session through `{launch}`: {reason}", stderr.Lines(), exception);
        }

        var results = new List<DemoStepResult>(steps.Count);
        await using (client)
        {
            foreach (var step in steps)
            {
                results.Add(await RunStepAsync(client, step, cancellationToken));
            }
        }

        return new DemoReport(results, stderr.Lines());
    }

    private static async Task<DemoStepResult> RunStepAsync(McpClient client, DemoStep step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);
        try
        {
            var detail = step.Tool == DemoStep.ListToolsStep
                ? await ListToolsAsync(client, timeout.Token)
                : await CallToolAsync(client, step, timeout.Token);
            return Result(step, DemoOutcome.Allowed, [], detail);
        }
        catch (McpException exception) when (PolicyRefusal.From(exception) is { } refusal)
        {
            return Result(step, DemoOutcome.Blocked, refusal.RuleIds, refusal.Reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(step, DemoOutcome.Failed, [], $"no answer within {StepTimeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is McpException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Another JSON-RPC error or a dead connection: reported in the table, not thrown, so the
            // remaining steps still run and the user sees the whole picture.
            return Result(step, DemoOutcome.Failed, [], exception.Message);
        }
    }

    private static async Task<string> ListToolsAsync(McpClient client, CancellationToken cancellationToken)
    {
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
        return $"{tools.Count} tools: {string.Join(", ", tools.Select(tool => tool.Name))}";
    }

    private static async Task<string> CallToolAsync(McpClient client, DemoStep step, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync(step.Tool, step.Arguments, cancellationToken: cancellationToken);
        var text = string.Join(' ', result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        var oneLine = string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // A tool error still means the proxy forwarded the call; the server's own refusal is shown as such.
        return result.IsError == true ? "server refused: " + oneLine : oneLine;
    }

    private static DemoStepResult Result(DemoStep step, DemoOutcome outcome, IReadOnlyList<string> ruleIds, string reason) =>
        new(step.Description, step.Tool, step.Expected, outcome, ruleIds,
            reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…"));

    /// <summary>The last lines the proxy wrote to stderr; the SDK calls <see cref="Add"/> from its reader thread.</summary>
    private sealed class StderrTail(int capacity)
    {
        private readonly Queue<string> _lines = new();
        private readonly Lock _gate = new();

        public void Add(string line)
        {
            lock (_gate)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
            }
        }

        public IReadOnlyList<string> Lines()
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}

/// <summary>The demo session could not be established; carries the proxy's stderr so the cause is visible.</summary>
public sealed class DemoSessionException(string message, IReadOnlyList<string> proxyStderr, Exception innerException)
    : Exception(message, innerException)
{
    public IReadOnlyList<string> ProxyStderr { get; } = proxyStderr;
}

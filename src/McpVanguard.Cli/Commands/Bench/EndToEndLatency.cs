using System.Diagnostics;
using System.Text.Json.Serialization;
using McpVanguard.Demo;
using ModelContextProtocol.Client;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// What a user feels, measured from outside: the official SDK client spawns the bundled demo server, directly or behind
/// <c>vanguard start</c>, times the first answered call from spawn, then sequential <c>read_file</c> calls.
/// </summary>
internal static class EndToEndLatency
{
    /// <summary>Calls made and thrown away before timing, so both modes are measured warm.</summary>
    private const int WarmUpCalls = 50;

    private static readonly Dictionary<string, object?> ReadReadme = new() { ["path"] = "README.md" };

    /// <summary>One mode's figures (milliseconds).</summary>
    public sealed record Run(
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("first_answer_ms")] double FirstAnswerMs,
        [property: JsonPropertyName("p50_ms")] double P50Ms,
        [property: JsonPropertyName("p99_ms")] double P99Ms,
        [property: JsonPropertyName("calls")] int Calls);

    /// <summary>Spawns <paramref name="launch"/>, answers one call, warms up, then times <paramref name="calls"/> calls; <paramref name="advance"/> is told of each.</summary>
    public static async Task<Run> MeasureAsync(string mode, ProcessLaunch launch, int calls, Action? advance, CancellationToken cancellationToken)
    {
        var spawned = Stopwatch.GetTimestamp();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = mode,
            Command = launch.Command,
            Arguments = [.. launch.Arguments],
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
        await CallAsync(client, cancellationToken);
        var firstAnswer = Stopwatch.GetElapsedTime(spawned).TotalMilliseconds;

        for (var i = 0; i < WarmUpCalls; i++)
        {
            await CallAsync(client, cancellationToken);
        }

        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CallAsync(client, cancellationToken);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            advance?.Invoke();
        }

        Array.Sort(samples);
        return new Run(mode, firstAnswer, Percentile(samples, 0.50), Percentile(samples, 0.99), calls);
    }

    private static async Task CallAsync(McpClient client, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync("read_file", ReadReadme, cancellationToken: cancellationToken);
        if (result.IsError == true)
        {
            // A refused or failed call would time an error path, not the relay: stop rather than report it.
            throw new InvalidOperationException("the demo server's read_file failed; the measurement would not be of a forwarded call");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

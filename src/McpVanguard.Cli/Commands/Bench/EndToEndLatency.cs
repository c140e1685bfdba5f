using System.Diagnostics;
using System.Text.Json.Serialization;
using McpVanguard.Demo;
using ModelContextProtocol.Client;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// What a user feels, measured from outside: the official SDK client spawns the bundled demo server, directly or behind
/// <c>vanguard start</c>, times the first answered call from spawn, then sequential calls of the chosen mix.
/// </summary>
internal static class EndToEndLatency
{
    /// <summary>Calls made and thrown away before timing, so both modes are measured warm.</summary>
    private const int WarmUpCalls = 50;

    private static readonly Dictionary<string, object?> ReadReadme = new() { ["path"] = "README.md" };

    /// <summary>The calls timed: every one different, or one call repeated.</summary>
    public enum Mix
    {
        /// <summary><c>run_command</c> with <c>echo hello N</c>, N the call's number: no two calls alike, as an agent's are (L3 sees no loop).</summary>
        Varied,

        /// <summary>The same <c>read_file</c> of README.md every time: L3 warns about a loop (BEH-008) from the 15th call, so this times the warn path.</summary>
        Repeated,
    }

    /// <summary>One mode's figures (milliseconds).</summary>
    public sealed record Run(
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("first_answer_ms")] double FirstAnswerMs,
        [property: JsonPropertyName("p50_ms")] double P50Ms,
        [property: JsonPropertyName("p99_ms")] double P99Ms,
        [property: JsonPropertyName("calls")] int Calls);

    /// <summary>Spawns <paramref name="launch"/>, answers one call, warms up, then times <paramref name="calls"/> calls; <paramref name="advance"/> is told of each.</summary>
    public static async Task<Run> MeasureAsync(string mode, ProcessLaunch launch, Mix mix, int calls, Action? advance, CancellationToken cancellationToken)
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
        var number = 0;
        await CallAsync(client, mix, number++, cancellationToken);
        var firstAnswer = Stopwatch.GetElapsedTime(spawned).TotalMilliseconds;

        for (var i = 0; i < WarmUpCalls; i++)
        {
            await CallAsync(client, mix, number++, cancellationToken);
        }

        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CallAsync(client, mix, number++, cancellationToken);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            advance?.Invoke();
        }

        Array.Sort(samples);
        return new Run(mode, firstAnswer, Percentile(samples, 0.50), Percentile(samples, 0.99), calls);
    }

    private static async Task CallAsync(McpClient client, Mix mix, int number, CancellationToken cancellationToken)
    {
        var result = mix == Mix.Repeated
            ? await client.CallToolAsync("read_file", ReadReadme, cancellationToken: cancellationToken)
            : await client.CallToolAsync("run_command", new Dictionary<string, object?> { ["command"] = $"echo hello {number}" }, cancellationToken: cancellationToken);
        if (result.IsError == true)
        {
            // A refused or failed call would time an error path, not the relay: stop rather than report it.
            throw new InvalidOperationException($"the demo server's {(mix == Mix.Repeated ? "read_file" : "run_command")} failed; the measurement would not be of a forwarded call");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

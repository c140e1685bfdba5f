using System.CommandLine;
using McpVanguard.Cli.Commands.Bench;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard bench detection|latency</c>: what the firewall catches and what it costs, measured on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure detection (recall, false positives per MCP-38 category) and latency (per layer).")
    {
        DetectionBenchCommand.Create(),
        LatencyBenchCommand.Create(),
    };
}

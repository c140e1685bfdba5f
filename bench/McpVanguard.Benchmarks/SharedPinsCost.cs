using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Gateway.State;
using McpVanguard.Integrity;
using McpVanguard.State;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>shared-pins [redis://host:port/db]</c>: what sharing the pins on Redis adds to one <c>tools/list</c> comparison (an
/// unchanged list of 20 tools, the common case: one read that finds the entry unchanged) and to the held-item check of a
/// call, as process CPU time and bytes allocated (all threads) per operation, against the same store without sharing.
/// </summary>
internal static class SharedPinsCost
{
    private const int Lists = 5000;
    private const int Checks = 200_000;

    public static async Task RunAsync(string? redisUrl)
    {
        Measure("local", PinStore.InMemory());
        if (redisUrl is not null)
        {
            var state = new StateSettings { Redis = RedisAddress.TryParse(redisUrl, out var error) ?? throw new ArgumentException(error), KeyPrefix = "bench" + Environment.ProcessId };
            await using var ledger = RedisPinLedger.Connect(state, PinStoreLimits.Default.MaxServers);
            var store = PinStore.InMemory();
            store.ShareThrough(ledger, fallBackToLocal: false);
            Measure("redis", store);
        }
    }

    private static void Measure(string name, PinStore store)
    {
        var key = new ServerKey("node bench-server.js", "bench", "default");
        var tools = Enumerable.Range(0, 20).Select(i => new ObservedTool("tool_" + i, i, ToolFingerprint.CanonicalJson(JsonDocument.Parse($$$"""{"name":"tool_{{{i}}}","description":"Tool number {{{i}}} of the bench server.","inputSchema":{"type":"object"}}""").RootElement))).ToList();
        store.Observe(key, tools, complete: true, holdNewTools: false);
        for (var i = 0; i < 200; i++)
        {
            // Warm-up: JIT, script cache, connection.
            store.Observe(key, tools, complete: true, holdNewTools: false);
        }

        var (cpu, bytes, wall) = Cost(Lists, () =>
        {
            if (store.Observe(key, tools, complete: true, holdNewTools: false).Changes.Count != 0)
            {
                throw new InvalidOperationException("an unchanged list reported changes");
            }
        });
        Console.WriteLine($"{name,-6} tools/list comparison: {cpu:0.0} µs CPU, {bytes:0} bytes allocated, {wall:0.0} µs wall per list ({Lists} lists)");
        (cpu, bytes, wall) = Cost(Checks, () => store.IsHeld(key, PinKind.Tool, "tool_3"));
        Console.WriteLine($"{name,-6} held-item check of a call: {cpu * 1000:0} ns CPU, {bytes:0} bytes allocated per call ({Checks} calls)");
    }

    private static (double CpuMicroseconds, double Bytes, double WallMicroseconds) Cost(int count, Action operation)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        var wall = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return (cpu.TotalMicroseconds / count, (double)bytes / count, wall.TotalMicroseconds / count);
    }
}

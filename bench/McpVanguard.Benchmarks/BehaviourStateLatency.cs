using System.Diagnostics;
using McpVanguard.Gateway.State;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Replay;
using McpVanguard.State;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>behaviour-state [redis://host:port/db]</c>: what L3 adds per call with its windows in memory and, given a URL, on
/// Redis (the gateway's <c>state.redis</c>): p50/p99 of the stage alone on clean <c>read_file</c> calls of one session
/// (one every 2 s on a stepped clock, 512 distinct files, ~300 steps in the window), after a warm-up.
/// </summary>
internal static class BehaviourStateLatency
{
    private const int Files = 512;
    private const int Calls = 5000;

    public static async Task RunAsync(string? redisUrl)
    {
        var settings = new BehaviourSettings();
        var clock = new ReplayClock();
        await MeasureAsync("memory", new InMemoryBehaviourState(clock, settings.MaxKeys, settings.MaxEvents), clock, settings);
        if (redisUrl is not null)
        {
            var state = new StateSettings { Redis = RedisAddress.TryParse(redisUrl, out var error) ?? throw new ArgumentException(error), KeyPrefix = "bench" + Environment.ProcessId };
            await using var redis = RedisSharedState.Connect(state, clock, settings.MaxEvents);
            await MeasureAsync("redis", redis, clock, settings);
        }
    }

    private static async Task MeasureAsync(string name, IBehaviourState state, ReplayClock clock, BehaviourSettings settings)
    {
        var stage = new BehaviourStage(state, settings);
        var contexts = Enumerable.Range(0, Files).Select(i => Context(i)).ToArray();
        var findings = new List<Finding>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var samples = new double[Calls];
        for (var i = -Files; i < Calls; i++)
        {
            clock.MoveTo(now += 2000);
            findings.Clear();
            var start = Stopwatch.GetTimestamp();
            await stage.InspectAsync(contexts[(i + Files) % Files], findings, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (findings.Count > 0)
            {
                throw new InvalidOperationException("clean traffic raised " + findings[0].RuleId);
            }

            if (i >= 0)
            {
                samples[i] = elapsed;
            }
        }

        Array.Sort(samples);
        Console.WriteLine($"{name,-7} L3 per read_file call: p50 {samples[Calls / 2]:0.0} µs, p99 {samples[Calls * 99 / 100]:0.0} µs, max {samples[^1]:0.0} µs ({Calls} calls)");
    }

    private static InspectionContext Context(int i)
    {
        var name = $"{(char)('a' + (i % 26))}{(char)('a' + (i / 26 % 26))}file";
        var folder = $"module{(char)('a' + (i % 50 % 26))}{(char)('a' + (i % 50 / 26))}";
        var frame = System.Text.Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":{\"name\":\"read_file\",\"arguments\":{\"path\":\"src/" + folder + "/" + name + ".cs\"}}}");
        var message = McpMessageParser.TryParse(frame, 64, out var parsed, out var violation) ? parsed! : throw new InvalidOperationException(violation!.Reason);
        return new InspectionContext
        {
            Message = message,
            Direction = Direction.AgentToServer,
            SessionId = "bench",
            ServerId = "default",
            Profile = Profile.Balanced,
            Strings = ArgumentWalker.TryWalk(message.Params, new PreflightLimits(4 * 1024 * 1024, 64, 10_000), out var strings, out _) ? strings : ArgumentStrings.Empty,
        };
    }
}

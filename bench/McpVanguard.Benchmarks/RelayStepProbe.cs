using System.Diagnostics;
using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// The mean time of one relay step (parse to forward, balanced profile, in-memory sinks) over a block of messages, for
/// probes that compare configurations in one process by alternating blocks (BenchmarkDotNet cannot switch telemetry on
/// and off between iterations of one benchmark).
/// </summary>
public sealed class RelayStepProbe
{
    private static readonly JsonRpcId Id = JsonRpcId.FromNumber(Messages.RequestId);
    private readonly RelaySession _session = new("probe", "default", 64, TimeSpan.FromMinutes(5));
    private readonly McpRelay _relay;

    public RelayStepProbe() => _relay = new McpRelay(BenchEngine.Create(Profile.Balanced), _session, new DiscardingSink(), new DiscardingSink(), NullAuditSink.Instance);

    /// <summary>Mean microseconds per step over <paramref name="count"/> steps of <paramref name="frame"/>.</summary>
    public double MeanMicroseconds(byte[] frame, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var pending = _relay.FromAgentAsync(frame, CancellationToken.None);
            if (!pending.IsCompleted)
            {
                throw new InvalidOperationException("The relay did not complete synchronously.");
            }

            _session.AgentRequests.TryRemove(Id, out _);
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / count;
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

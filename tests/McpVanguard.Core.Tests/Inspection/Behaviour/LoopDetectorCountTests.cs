using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Policy;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.Inspection.Behaviour;

/// <summary>
/// The loop detector's running count (the in-memory window's <see cref="RepeatIndex"/>) against the walk it replaces: the
/// same findings, word for word, over long varied sequences that drop steps by count and by age, go out of time order,
/// and read views that other appends have overtaken.
/// </summary>
public sealed class LoopDetectorCountTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private static List<Finding> Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings)
    {
        var findings = new List<Finding>();
        LoopDetector.Detect(current, session, settings, Profile.Balanced, findings);
        return findings;
    }

    /// <summary>The walk: a plain list is no <see cref="IRepeatCounter"/>, so the detector walks it as before.</summary>
    private static List<Finding> Walked(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings)
        => Detect(current, session.ToList(), settings);

    private static string Text(List<Finding> findings) => string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Action} {f.Reason}"));

    [Theory]
    [InlineData(1, 512, 15, 0)]
    [InlineData(2, 64, 15, 0)]
    [InlineData(3, 40, 5, 0)]
    [InlineData(4, 512, 15, 10)]
    [InlineData(5, 64, 4, 25)]
    public async Task The_running_count_finds_what_the_walk_finds(int seed, int maxEvents, int repeats, int outOfOrderPercent)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var state = new InMemoryBehaviourState(clock, 100, maxEvents);
        var settings = new BehaviourSettings { LoopRepeats = repeats };
        var signatures = new ulong[] { 0, 11, 12, 13, 14, 15, 16 };
        var methods = new[] { "tools/call", "resources/read" };
        var findings = 0;
        var compared = 0;
        var held = new List<(BehaviourEvent Step, IReadOnlyList<BehaviourEvent> View)>();
        for (var i = 0; i < 6000; i++)
        {
            // Mostly quick calls (a loop), sometimes pauses longer than the loop window or the retention.
            var pause = random.Next(100) switch { < 70 => random.Next(0, 400), < 95 => random.Next(0, 20_000), < 99 => random.Next(30_000, 90_000), _ => 11 * 60_000 };
            clock.Advance(TimeSpan.FromMilliseconds(pause));
            var at = state.NowMs - (random.Next(100) < outOfOrderPercent ? random.Next(0, 3_000) : 0);
            var step = new BehaviourEvent(at, $"{i}", methods[random.Next(100) < 90 ? 0 : 1], "t", "fs", BehaviourKind.None, Signature: signatures[random.Next(100) < 60 ? 1 : random.Next(signatures.Length)]);
            var key = random.Next(100) < 95 ? "a" : "b";
            var view = await state.AppendAsync(key, step, Retention, TestContext.Current.CancellationToken);

            // Another message can append before this one's detectors run: some views are judged only later.
            if (random.Next(100) < 10)
            {
                held.Add((step, view));
                continue;
            }

            foreach (var (s, v) in held.Append((step, view)))
            {
                var counted = Detect(s, v, settings);
                Assert.Equal(Text(Walked(s, v, settings)), Text(counted));
                findings += counted.Count;
                compared++;
            }

            held.Clear();
        }

        // The sequences did exercise both answers.
        Assert.InRange(findings, 50, compared - 50);
    }

    [Fact]
    public async Task The_same_call_repeated_warns_from_the_threshold_on_through_the_running_count()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var state = new InMemoryBehaviourState(clock, 100, 512);
        var settings = new BehaviourSettings();
        for (var i = 1; i <= 40; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var step = new BehaviourEvent(state.NowMs, $"{i}", "tools/call", "read_file", "fs", BehaviourKind.Read, Signature: 42);
            var view = await state.AppendAsync("s", step, Retention, TestContext.Current.CancellationToken);
            Assert.True(((IRepeatCounter)view).TryCountRepeats(step, step.AtMs - 60_000, out var count));
            Assert.Equal(i, count);
            var findings = Detect(step, view, settings);
            if (i < settings.LoopRepeats)
            {
                Assert.Empty(findings);
            }
            else
            {
                var f = Assert.Single(findings);
                Assert.Equal("BEH-008", f.RuleId);
                Assert.Contains($"the same call {i} times", f.Reason, StringComparison.Ordinal);
                Assert.Contains("read_file (id 1,", f.Reason, StringComparison.Ordinal);
            }
        }

        // A minute later the earlier calls have left the loop window: the count starts again.
        clock.Advance(TimeSpan.FromSeconds(61));
        var later = new BehaviourEvent(state.NowMs, "41", "tools/call", "read_file", "fs", BehaviourKind.Read, Signature: 42);
        var fresh = await state.AppendAsync("s", later, Retention, TestContext.Current.CancellationToken);
        Assert.True(((IRepeatCounter)fresh).TryCountRepeats(later, later.AtMs - 60_000, out var again));
        Assert.Equal(1, again);
        Assert.Empty(Detect(later, fresh, settings));
    }
}

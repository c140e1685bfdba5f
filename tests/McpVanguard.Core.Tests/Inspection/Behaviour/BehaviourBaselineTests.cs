using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Rules;
using McpVanguard.Integrity;
using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Inspection.Behaviour;

/// <summary>
/// How the L3 defaults were chosen: every everyday session of the corpus (benign-*.jsonl) is replayed through the real
/// stage while a recording state measures, at every step, the counts the detectors compare with their thresholds. Each
/// default must stay at least twice the highest count seen, so an everyday session would have to double to reach it.
/// </summary>
public sealed class BehaviourBaselineTests
{
    private const int Margin = 2;

    [Fact]
    public async Task Every_default_threshold_is_at_least_twice_the_highest_everyday_count()
    {
        var settings = new BehaviourSettings();
        var clock = new ReplayClock();
        var recorder = new RecordingState(new InMemoryBehaviourState(clock, settings.MaxKeys, settings.MaxEvents), settings);
        var stage = new BehaviourStage(recorder, settings);
        var pins = PinStore.InMemory();
        var engine = InspectionEngine.Create(TestEngine.Options(Profile.Balanced), RuleLoader.Load(null), pins: pins, stages: new InspectionStages([stage], [stage]));
        using var runner = new ReplayRunner(engine, pins, clock);
        var cases = 0;
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus, "benign-*.jsonl").Order())
        {
            using var reader = File.OpenText(file);
            foreach (var c in ReplayReader.Read(reader))
            {
                await runner.RunAsync(c, TestContext.Current.CancellationToken);
                cases++;
            }
        }

        var m = recorder.Max;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{cases} everyday cases: numbered={m.Numbered} siblings={m.Siblings} pages={m.Pages} deletes={m.Deletes} writes={m.Writes} repeats={m.Repeats} bytes={m.Bytes:0} items={m.Items:0}");
        Assert.True(cases >= 500, $"only {cases} everyday cases");
        Assert.True(settings.NumberedReads >= Margin * m.Numbered, $"numbered {m.Numbered}");
        Assert.True(settings.SiblingReads >= Margin * m.Siblings, $"siblings {m.Siblings}");
        Assert.True(settings.ListPages >= Margin * m.Pages, $"pages {m.Pages}");
        Assert.True(settings.BurstDeletes >= Margin * m.Deletes, $"deletes {m.Deletes}");
        Assert.True(settings.BurstWrites >= Margin * m.Writes, $"writes {m.Writes}");
        Assert.True(settings.LoopRepeats >= Margin * m.Repeats, $"repeats {m.Repeats}");
        Assert.True(settings.VolumeBytes >= Margin * m.Bytes, $"bytes {m.Bytes}");
        Assert.True(settings.VolumeItems >= Margin * m.Items, $"items {m.Items}");
    }

    /// <summary>The highest count of each kind seen at any step.</summary>
    private sealed class Maxima
    {
        public int Numbered, Siblings, Pages, Deletes, Writes, Repeats;
        public double Bytes, Items;
    }

    /// <summary>A state that forwards to the in-memory one and measures what each detector would count.</summary>
    private sealed class RecordingState(InMemoryBehaviourState inner, BehaviourSettings settings) : IBehaviourState
    {
        public Maxima Max { get; } = new();

        private readonly InMemoryBehaviourState _inner = inner;

        public long NowMs => _inner.NowMs;

        public async ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken)
        {
            var live = await _inner.AppendAsync(key, item, retention, cancellationToken);
            Measure(item, live);
            return live;
        }

        public ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => _inner.ReadAsync(key, retention, cancellationToken);

        public async ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken)
        {
            var value = await _inner.AddDecayingAsync(key, amount, halfLife, cancellationToken);
            if (key.EndsWith(":bytes", StringComparison.Ordinal))
            {
                Max.Bytes = Math.Max(Max.Bytes, value);
            }
            else
            {
                Max.Items = Math.Max(Max.Items, value);
            }

            return value;
        }

        public void Clear() => _inner.Clear();

        private void Measure(BehaviourEvent current, IReadOnlyList<BehaviourEvent> live)
        {
            IEnumerable<BehaviourEvent> Since(TimeSpan window) => live.Where(e => e.AtMs >= current.AtMs - (long)window.TotalMilliseconds);
            if ((current.Kind & BehaviourKind.Numbered) != 0)
            {
                Max.Numbered = Math.Max(Max.Numbered, Since(settings.EnumerationWindow).Where(e => e.Stem == current.Stem).Select(e => e.Target).Distinct().Count());
            }

            if ((current.Kind & BehaviourKind.Read) != 0)
            {
                Max.Siblings = Math.Max(Max.Siblings, Since(settings.EnumerationWindow).Where(e => (e.Kind & BehaviourKind.Read) != 0 && e.Group == current.Group).Select(e => e.Target).Distinct().Count());
            }

            Max.Pages = Math.Max(Max.Pages, Since(settings.EnumerationWindow).Count(e => (e.Kind & BehaviourKind.ListPage) != 0));
            Max.Deletes = Math.Max(Max.Deletes, Since(settings.BurstWindow).Count(e => (e.Kind & BehaviourKind.Delete) != 0));
            Max.Writes = Math.Max(Max.Writes, Since(settings.BurstWindow).Count(e => (e.Kind & BehaviourKind.Write) != 0));
            if (current.Signature != 0)
            {
                Max.Repeats = Math.Max(Max.Repeats, Since(settings.LoopWindow).Count(e => e.Signature == current.Signature && e.Method == current.Method));
            }
        }
    }
}

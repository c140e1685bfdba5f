using McpVanguard.Inspection.Behaviour;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.Inspection.Behaviour;

/// <summary>The in-memory L3 state: windows by time and count, decaying sums, expiry and the key bound.</summary>
public sealed class InMemoryBehaviourStateTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    private BehaviourEvent Step(string id, InMemoryBehaviourState state) => new(state.NowMs, id, "tools/call", "read_file", "fs", BehaviourKind.Read);

    [Fact]
    public async Task A_window_returns_its_live_steps_oldest_first()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 10);
        await state.AppendAsync("k", Step("1", state), Minute, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var live = await state.AppendAsync("k", Step("2", state), Minute, TestContext.Current.CancellationToken);
        Assert.Equal(["1", "2"], live.Select(e => e.StepId));
    }

    [Fact]
    public async Task Steps_older_than_the_retention_leave_the_window()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 10);
        await state.AppendAsync("k", Step("old", state), Minute, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(61));
        var live = await state.AppendAsync("k", Step("new", state), Minute, TestContext.Current.CancellationToken);
        Assert.Equal(["new"], live.Select(e => e.StepId));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Empty(await state.ReadAsync("k", Minute, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_full_window_drops_its_oldest_steps_first()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 3);
        IReadOnlyList<BehaviourEvent> live = [];
        for (var i = 0; i < 5; i++)
        {
            live = await state.AppendAsync("k", Step(i.ToString(System.Globalization.CultureInfo.InvariantCulture), state), Minute, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["2", "3", "4"], live.Select(e => e.StepId));
    }

    [Fact]
    public async Task A_window_read_earlier_keeps_its_steps_while_later_ones_are_appended()
    {
        // The detectors read the live part outside the window's lock, while the other direction may append: what they
        // were handed must not change under them, however many steps come later (the log moves to new arrays meanwhile).
        var state = new InMemoryBehaviourState(_clock, 100, 4);
        IReadOnlyList<BehaviourEvent> earlier = [];
        for (var i = 0; i < 3; i++)
        {
            earlier = await state.AppendAsync("k", Step($"a{i}", state), Minute, TestContext.Current.CancellationToken);
        }

        IReadOnlyList<BehaviourEvent> later = [];
        for (var i = 0; i < 50; i++)
        {
            later = await state.AppendAsync("k", Step($"b{i}", state), Minute, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["a0", "a1", "a2"], earlier.Select(e => e.StepId));
        Assert.Equal(["a0", "a1", "a2"], Enumerable.Range(0, earlier.Count).Select(i => earlier[i].StepId));
        Assert.Equal(["b46", "b47", "b48", "b49"], later.Select(e => e.StepId));
    }

    [Fact]
    public async Task A_window_view_refuses_an_index_outside_its_steps()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 8);
        var live = await state.AppendAsync("k", Step("1", state), Minute, TestContext.Current.CancellationToken);
        await state.AppendAsync("k", Step("2", state), Minute, TestContext.Current.CancellationToken);
        Assert.Single(live);
        Assert.Throws<ArgumentOutOfRangeException>(() => live[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => live[-1]);
    }

    [Fact]
    public async Task A_window_at_its_capacity_for_many_steps_holds_the_latest_in_order()
    {
        // Past twice the capacity the log is rebuilt once per `capacity` appends: every read in between is still the
        // window's last `capacity` steps, oldest first.
        var state = new InMemoryBehaviourState(_clock, 100, 5);
        for (var i = 0; i < 200; i++)
        {
            var live = await state.AppendAsync("k", Step(i.ToString(System.Globalization.CultureInfo.InvariantCulture), state), Minute, TestContext.Current.CancellationToken);
            var expected = Enumerable.Range(Math.Max(0, i - 4), Math.Min(i + 1, 5)).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, live.Select(e => e.StepId));
        }
    }

    [Fact]
    public async Task A_decaying_sum_halves_every_half_life()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 10);
        Assert.Equal(1000, await state.AddDecayingAsync("b", 1000, Minute, TestContext.Current.CancellationToken));
        _clock.Advance(Minute);
        Assert.Equal(500, await state.AddDecayingAsync("b", 0, Minute, TestContext.Current.CancellationToken), 3);
        _clock.Advance(Minute);
        Assert.Equal(350, await state.AddDecayingAsync("b", 100, Minute, TestContext.Current.CancellationToken), 3);
    }

    [Fact]
    public async Task The_table_never_holds_more_than_its_key_limit_and_keeps_the_recent_keys()
    {
        var state = new InMemoryBehaviourState(_clock, 50, 4);
        for (var i = 0; i < 500; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await state.AppendAsync("session-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Step("1", state), Minute, TestContext.Current.CancellationToken);
        }

        Assert.True(state.Count <= 51, $"{state.Count} keys");
        Assert.NotEmpty(await state.ReadAsync("session-499", Minute, TestContext.Current.CancellationToken));
        Assert.Empty(await state.ReadAsync("session-0", Minute, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Expired_entries_are_swept()
    {
        var state = new InMemoryBehaviourState(_clock, 1000, 4);
        for (var i = 0; i < 20; i++)
        {
            await state.AppendAsync("old-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Step("1", state), Minute, TestContext.Current.CancellationToken);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        await state.AppendAsync("fresh", Step("1", state), Minute, TestContext.Current.CancellationToken);
        Assert.Equal(1, state.Count);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_window_lose_nothing_up_to_its_limit()
    {
        var state = new InMemoryBehaviourState(_clock, 100, 10_000);
        await Parallel.ForAsync(0, 2000, async (i, ct) => await state.AppendAsync("k", Step("x", state), Minute, ct));
        Assert.Equal(2000, (await state.ReadAsync("k", Minute, TestContext.Current.CancellationToken)).Count);
    }
}

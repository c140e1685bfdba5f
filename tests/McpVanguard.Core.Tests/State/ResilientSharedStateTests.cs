using McpVanguard.Inspection.Behaviour;
using McpVanguard.Policy;
using McpVanguard.State;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.State;

/// <summary>The profile's policy when the shared backend cannot answer: strict refuses, balanced and monitor fall back, each loudly, once.</summary>
public sealed class ResilientSharedStateTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddDays(10_000));
    private readonly CancellationToken _token = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Profile.Balanced)]
    [InlineData(Profile.Monitor)]
    public async Task Balanced_and_monitor_use_local_state_and_report_the_outage_once(Profile profile)
    {
        var reports = new List<StateHealth>();
        await using var state = new ResilientSharedState(new Unreachable(), new InMemorySharedState(_clock, 100, 8), profile, reports.Add);

        Assert.Null(await state.TakeTokenAsync("k", 1, TimeSpan.FromMinutes(1), _token));
        Assert.NotNull(await state.TakeTokenAsync("k", 1, TimeSpan.FromMinutes(1), _token)); // the local bucket counts
        Assert.True(await state.TryLeaseAsync("sessions:a", "s1", 1, TimeSpan.FromMinutes(1), _token));

        var report = Assert.Single(reports);
        Assert.True(report is { IsDown: true, UsingLocal: true });
        Assert.Contains("degraded", report.Describe(), StringComparison.Ordinal);
        Assert.True(state.Health.IsDown);
    }

    [Fact]
    public async Task Strict_refuses_with_a_clear_error()
    {
        var reports = new List<StateHealth>();
        await using var state = new ResilientSharedState(new Unreachable(), new InMemorySharedState(_clock, 100, 8), Profile.Strict, reports.Add);

        var ex = await Assert.ThrowsAsync<StateUnavailableException>(async () => await state.TryLeaseAsync("sessions:a", "s1", 1, TimeSpan.FromMinutes(1), _token));
        Assert.Contains("strict", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StateUnavailableException>(async () => await state.AppendAsync("w", new BehaviourEvent(1, "1", "tools/call", "t", "s", BehaviourKind.Egress), TimeSpan.FromMinutes(1), _token));
        Assert.False(Assert.Single(reports).UsingLocal);
    }

    /// <summary>A backend that never answers, the way Redis fails: with <see cref="StateUnavailableException"/>.</summary>
    private sealed class Unreachable : ISharedState
    {
        public string Backend => "test";

        public long NowMs => 0;

        public ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken) => throw Down();

        public ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => throw Down();

        public ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken) => throw Down();

        public void Clear()
        {
        }

        public ValueTask<TimeSpan?> TakeTokenAsync(string key, int burst, TimeSpan refillPeriod, CancellationToken cancellationToken) => throw Down();

        public ValueTask<bool> TryLeaseAsync(string key, string member, int max, TimeSpan lease, CancellationToken cancellationToken) => throw Down();

        public ValueTask ReleaseLeaseAsync(string key, string member, CancellationToken cancellationToken) => throw Down();

        public ValueTask PutAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken) => throw Down();

        public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) => throw Down();

        public ValueTask DeleteAsync(string key, CancellationToken cancellationToken) => throw Down();

        public ValueTask PingAsync(CancellationToken cancellationToken) => throw Down();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static StateUnavailableException Down() => new("test: not connected");
    }
}

using McpVanguard.State;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.State;

/// <summary>The default shared state: buckets, leases and values with expiries, in a bounded table.</summary>
public sealed class InMemorySharedStateTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddDays(10_000));
    private readonly CancellationToken _token = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bucket_gives_its_burst_then_says_how_long_until_the_next_token()
    {
        var state = new InMemorySharedState(_clock, 100, 8);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await state.TakeTokenAsync("k", 3, TimeSpan.FromSeconds(10), _token));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), await state.TakeTokenAsync("k", 3, TimeSpan.FromSeconds(10), _token));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await state.TakeTokenAsync("k", 3, TimeSpan.FromSeconds(10), _token));
        Assert.NotNull(await state.TakeTokenAsync("k", 3, TimeSpan.FromSeconds(10), _token));
    }

    [Fact]
    public async Task Values_expire()
    {
        var state = new InMemorySharedState(_clock, 100, 8);
        await state.PutAsync("owner:s1", "a", TimeSpan.FromSeconds(5), _token);
        Assert.Equal("a", await state.GetAsync("owner:s1", _token));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Null(await state.GetAsync("owner:s1", _token));
    }

    [Fact]
    public async Task The_table_never_holds_more_than_its_bound()
    {
        var state = new InMemorySharedState(_clock, 50, 8);
        for (var i = 0; i < 1000; i++)
        {
            await state.TakeTokenAsync("rate:ip:" + i, 5, TimeSpan.FromMinutes(1), _token);
        }

        Assert.InRange(state.Count, 1, 50);
    }
}

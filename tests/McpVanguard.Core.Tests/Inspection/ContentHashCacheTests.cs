using System.Text;
using McpVanguard.Inspection;

namespace McpVanguard.Tests.Inspection;

public sealed class ContentHashCacheTests
{
    private static ContentHash Key(string text) => ContentHash.Of(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity_and_drops_the_least_recently_used_entry()
    {
        var cache = new ContentHashCache<int>(3);
        cache.Set(Key("a"), 1);
        cache.Set(Key("b"), 2);
        cache.Set(Key("c"), 3);

        // "a" is used again, so "b" is now the least recently used and goes first.
        Assert.True(cache.TryGet(Key("a"), out _));
        cache.Set(Key("d"), 4);
        cache.Set(Key("e"), 5);

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet(Key("a"), out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet(Key("b"), out _));
        Assert.False(cache.TryGet(Key("c"), out _));
        Assert.True(cache.TryGet(Key("e"), out var e));
        Assert.Equal(5, e);
    }

    [Fact]
    public void Content_that_differs_by_one_byte_has_another_key()
    {
        Assert.Equal(Key("""{"name":"add"}"""), Key("""{"name":"add"}"""));
        Assert.NotEqual(Key("""{"name":"add"}"""), Key("""{"name":"adD"}"""));
        Assert.NotEqual(ContentHash.Of("ab"), ContentHash.Of("ba"));
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_without_growing()
    {
        var cache = new ContentHashCache<string>(2);
        cache.Set(Key("a"), "first");
        cache.Set(Key("a"), "second");
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(Key("a"), out var value));
        Assert.Equal("second", value);
    }
}

using McpVanguard.Inspection;

namespace McpVanguard.Tests.Inspection;

public sealed class NameTraitCacheTests
{
    [Fact]
    public void A_held_name_is_answered_without_computing_again_and_identically()
    {
        var computed = 0;
        var cache = new NameTraitCache(name => { computed++; return name.Length; });

        Assert.Equal(11, cache.Of("run_command"));
        Assert.Equal(11, cache.Of("run_command"));
        Assert.Equal(1, computed);
    }

    [Fact]
    public void A_different_name_is_computed_for_itself()
    {
        var cache = new NameTraitCache(name => name.Length);

        Assert.Equal(9, cache.Of("read_file"));
        Assert.Equal(3, cache.Of("Run"));
        Assert.Equal(3, cache.Of("run"));
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity_and_still_answers_every_name()
    {
        var cache = new NameTraitCache(name => name.Length, capacity: 3);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(("tool" + i).Length, cache.Of("tool" + i));
        }

        Assert.Equal(3, cache.Count);
    }

    [Theory]
    [InlineData("run_command", true, false)]
    [InlineData("Run_Command", true, false)]
    [InlineData("run_python", true, true)]
    [InlineData("format_python", false, false)]
    [InlineData("read_file", false, false)]
    [InlineData("tmux_send_keys", true, false)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    public void The_tool_predicates_answer_the_same_when_asked_again(string? tool, bool exec, bool language)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(exec, ArgumentRoles.RunsCode(tool));
            Assert.Equal(language, ArgumentRoles.NamesLanguage(tool));
        }

        Assert.True(ArgumentRoles.CachedToolNames <= NameTraitCache.DefaultCapacity);
    }
}

using McpVanguard.Inspection.Behaviour;

namespace McpVanguard.Tests.Inspection.Behaviour;

/// <summary>The L3 state keys: one format per kind of key, whichever sessions and servers ask in whatever order.</summary>
public sealed class BehaviourKeysTests
{
    [Fact]
    public void Sessions_and_servers_asked_in_turn_each_get_their_own_keys()
    {
        // The keys of the session seen last are kept; a gateway interleaves sessions and servers, so every switch must
        // still give the key of the session and server asked about (a shared backend holds windows under these names).
        var keys = new BehaviourKeys("vg");
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("vg:session:a", keys.Session("a"));
            Assert.Equal("vg:session:a:server:fs:bytes", keys.ServerBudget("a", "fs", "bytes"));
            Assert.Equal("vg:session:b:server:fs:items", keys.ServerBudget("b", "fs", "items"));
            Assert.Equal("vg:session:a:server:web:items", keys.ServerBudget("a", "web", "items"));
            Assert.Equal("vg:session:a", keys.Session("a"));
            Assert.Equal("vg:session:a:server:web:bytes", keys.ServerBudget("a", "web", "bytes"));
            Assert.Equal("vg:session:b", keys.Session("b"));
            Assert.Equal("vg:session:b:server:fs:other", keys.ServerBudget("b", "fs", "other"));
        }
    }

    [Fact]
    public void The_same_session_asks_for_the_same_key_object_again()
    {
        var keys = new BehaviourKeys("vg");
        Assert.Same(keys.Session("a"), keys.Session("a"));
        Assert.Same(keys.ServerBudget("a", "fs", "bytes"), keys.ServerBudget("a", "fs", "bytes"));
    }
}

using McpVanguard.Inspection;
using McpVanguard.Inspection.Metadata;

namespace McpVanguard.Tests.Inspection.Metadata;

public sealed class QuarantineTests
{
    [Fact]
    public void A_quarantined_tool_is_refused_only_on_its_own_server()
    {
        var quarantine = new ToolQuarantine();
        quarantine.Add("evil", "add");
        var refused = Assert.Single(ServerMessageContexts.Run(new QuarantineInspector(), ServerMessageContexts.Call("add", quarantine, "evil")));
        Assert.Equal(QuarantineInspector.RuleId, refused.RuleId);
        Assert.Equal(FindingAction.Block, refused.Action);
        Assert.Empty(ServerMessageContexts.Run(new QuarantineInspector(), ServerMessageContexts.Call("add", quarantine, "calculator")));
        Assert.Empty(ServerMessageContexts.Run(new QuarantineInspector(), ServerMessageContexts.Call("sub", quarantine, "evil")));
    }

    [Fact]
    public void The_table_is_bounded()
    {
        var quarantine = new ToolQuarantine(capacity: 16);
        for (var i = 0; i < 100; i++)
        {
            quarantine.Add("s", "tool" + i);
        }

        Assert.True(quarantine.Count <= 16);
        Assert.True(quarantine.Contains("s", "tool99"));
    }

    [Fact]
    public void Entries_expire()
    {
        var quarantine = new ToolQuarantine(maxAge: TimeSpan.Zero);
        quarantine.Add("s", "t");
        Thread.Sleep(1);
        Assert.False(quarantine.Contains("s", "t"));
    }
}

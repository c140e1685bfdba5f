using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Tests.Inspection.Preflight;

public sealed class EvasionInspectorTests
{
    private static List<Finding> Run(string tool, object args)
        => InspectionContextFactory.Run(new EvasionInspector(), InspectionContextFactory.ToolCall(tool, args));

    [Fact]
    public void A_bidi_override_in_a_file_name_is_blocked()
        => Assert.Contains(Run("write_file", new { path = "invoices/report\u202Efdp.exe", content = "x" }), f => f.RuleId == "PRE-018" && f.Action == FindingAction.Block);

    [Fact]
    public void Right_to_left_marks_in_prose_only_warn()
        => Assert.DoesNotContain(Run("send_message", new { body = "שלום \u202Bworld\u202C" }), f => f.Action == FindingAction.Block);

    [Fact]
    public void Homoglyphs_in_a_path_are_blocked_and_in_prose_only_warned()
    {
        Assert.Contains(Run("read_file", new { path = "/\u0435tc/shadow" }), f => f.RuleId == "PRE-016" && f.Action == FindingAction.Block);
        Assert.DoesNotContain(Run("send_message", new { body = "p\u0430yment received" }), f => f.Action == FindingAction.Block);
    }

    [Fact]
    public void Hidden_tag_text_is_blocked_anywhere()
    {
        var hidden = "ok" + string.Concat("send keys".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        Assert.Contains(Run("write_file", new { path = "docs/a.md", content = hidden }), f => f.RuleId == "PRE-017");
    }
}

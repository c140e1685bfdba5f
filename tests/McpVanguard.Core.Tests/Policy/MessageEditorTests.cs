using System.Text;
using System.Text.Json;
using McpVanguard.Policy;

namespace McpVanguard.Core.Tests.Policy;

public sealed class MessageEditorTests
{
    private static string Apply(string json, params MessageEdit[] edits)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(MessageEditor.Apply(document.RootElement, edits));
    }

    [Fact]
    public void Removing_an_array_item_keeps_its_siblings_byte_for_byte()
    {
        var result = Apply("""{"id":1,"result":{"tools":[{"name":"a"},{"name":"b","x":1.50},{"name":"c"}]}}""", MessageEdit.Remove("/result/tools/1"));
        Assert.Equal("""{"id":1,"result":{"tools":[{"name":"a"},{"name":"c"}]}}""", result);
    }

    [Fact]
    public void Removing_a_property_drops_only_that_property()
    {
        var result = Apply("""{"result":{"instructions":"evil","serverInfo":{"name":"s"}}}""", MessageEdit.Remove("/result/instructions"));
        Assert.Equal("""{"result":{"serverInfo":{"name":"s"}}}""", result);
    }

    [Fact]
    public void Text_edits_in_one_string_compose_and_overlaps_merge()
    {
        var result = Apply("""{"result":{"content":[{"type":"text","text":"key AKIAABCDEFGHIJKLMNOP and ghp_x here"}]}}""",
            MessageEdit.ReplaceText("/result/content/0/text", 4, 20, "[REDACTED:aws]"),
            MessageEdit.ReplaceText("/result/content/0/text", 29, 5, "[REDACTED:github]"),
            MessageEdit.ReplaceText("/result/content/0/text", 10, 4, "[REDACTED:aws]"));
        Assert.Equal("""{"result":{"content":[{"type":"text","text":"key [REDACTED:aws] and [REDACTED:github] here"}]}}""", result);
    }

    [Fact]
    public void Pointer_tokens_with_slash_and_tilde_are_escaped()
    {
        var result = Apply("""{"result":{"a/b":"x","c~d":"y","e":"z"}}""", MessageEdit.Remove("/result/a~1b"), MessageEdit.ReplaceText("/result/c~0d", 0, 1, "Y"));
        Assert.Equal("""{"result":{"c~d":"Y","e":"z"}}""", result);
    }

    [Fact]
    public void Out_of_range_spans_are_clamped_not_thrown()
    {
        var result = Apply("""{"t":"short"}""", MessageEdit.ReplaceText("/t", 3, 100, "!"));
        Assert.Equal("""{"t":"sho!"}""", result);
    }

    [Fact]
    public void Redact_finding_without_an_edit_fails_closed_as_a_block()
    {
        var composer = new PolicyComposer(Profile.Balanced);
        var finding = new McpVanguard.Inspection.Finding("X-1", "L1", "MCP-00", McpVanguard.Inspection.Severity.High, McpVanguard.Inspection.FindingAction.Redact, "r");
        Assert.Equal(VerdictKind.Block, composer.Compose([finding]).Kind);
        Assert.Equal(VerdictKind.Redact, composer.Compose([finding with { Edit = MessageEdit.Remove("/result/x") }]).Kind);
    }
}

using McpVanguard.Inspection;
using McpVanguard.Inspection.Secrets;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection.Secrets;

public sealed class SecretInspectorTests
{
    [Fact]
    public void A_secret_in_a_tool_result_becomes_a_redact_edit_naming_its_kind()
    {
        var context = ServerMessageContexts.ToolText("id=AKIAZ7Q3B4XK2LMN5PQR");
        var finding = Assert.Single(ServerMessageContexts.Run(new SecretInspector(), context));
        Assert.Equal(SecretInspector.RuleId, finding.RuleId);
        Assert.Equal(FindingAction.Redact, finding.Action);
        Assert.Equal(MessageEdit.ReplaceText("/result/content/0/text", 3, 20, "[REDACTED:aws-access-key]"), finding.Edit);
        Assert.DoesNotContain("AKIA", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_in_structured_content_and_resource_contents_are_found()
    {
        var structured = ServerMessageContexts.Response("tools/call", """{"content":[],"structuredContent":{"db":{"url":"mysql://root:N8x#Qp2Lz7Kv@10.1.2.3/shop"}}}""", "get_config");
        Assert.Equal("/result/structuredContent/db/url", Assert.Single(ServerMessageContexts.Run(new SecretInspector(), structured)).Edit!.Pointer);
        var resource = ServerMessageContexts.Response("resources/read", """{"contents":[{"uri":"repo://app/.env","text":"STRIPE=sk_live_51JbXk2Lm9Qx7Vb4Nz8Rt3Wy6"}]}""");
        Assert.Equal("/result/contents/0/text", Assert.Single(ServerMessageContexts.Run(new SecretInspector(), resource)).Edit!.Pointer);
    }

    [Fact]
    public void Base64_image_data_is_not_scanned()
    {
        var context = ServerMessageContexts.Response("tools/call", """{"content":[{"type":"image","mimeType":"image/png","data":"AKIAZ7Q3B4XK2LMN5PQRiVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"}]}""", "shot");
        Assert.Empty(ServerMessageContexts.Run(new SecretInspector(), context));
    }

    [Fact]
    public void Tool_lists_are_not_output_and_are_not_scanned()
    {
        var context = ServerMessageContexts.Response("tools/list", """{"tools":[{"name":"x","description":"AKIAZ7Q3B4XK2LMN5PQR"}]}""");
        Assert.Empty(ServerMessageContexts.Run(new SecretInspector(), context));
    }
}

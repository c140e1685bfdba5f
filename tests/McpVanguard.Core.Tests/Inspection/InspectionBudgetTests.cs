using System.Text;
using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// Every message the limits let through must be inspectable within the budget by construction: the largest legal
/// messages of ordinary content, in both directions, on a cold engine, never fail closed with VG-002 (the verdict is
/// asserted, not the time).
/// </summary>
public sealed class InspectionBudgetTests
{
    /// <summary>Just under the default 4 MiB message limit, leaving room for the JSON-RPC envelope.</summary>
    private const int LargestContent = (4 * 1024 * 1024) - 4096;

    [Theory]
    [InlineData(Profile.Balanced)]
    [InlineData(Profile.Strict)]
    public void The_largest_legal_write_of_source_text_is_inspected_within_budget(Profile profile)
    {
        var engine = TestEngine.Create(profile);
        var limit = profile == Profile.Strict ? (1024 * 1024) - 4096 : LargestContent;
        var context = InspectionContextFactory.ToolCall("write_file", new { path = "src/generated/Big.cs", content = SourceText(limit) });

        var verdict = engine.AgentToServer.Inspect(context);

        Assert.DoesNotContain(verdict.RuleIds, id => id.StartsWith("VG-", StringComparison.Ordinal));
        Assert.Equal(VerdictKind.Allow, verdict.Kind);
    }

    [Fact]
    public void A_megabyte_echo_command_is_inspected_within_budget()
    {
        var engine = TestEngine.Create();
        var context = InspectionContextFactory.ToolCall("run_command", new { command = "echo '" + string.Concat(Enumerable.Repeat("build finished in 12s; 0 warnings ", 1_500_000 / 34)) + "'" });

        var verdict = engine.AgentToServer.Inspect(context);

        Assert.DoesNotContain(verdict.RuleIds, id => id.StartsWith("VG-", StringComparison.Ordinal));
    }

    /// <summary>
    /// A secret on the last line is masked while the answer is within the secret scan's reach (1 MiB per string); beyond
    /// it, the unscanned tail is reported (LEAK-002) instead of passing silently.
    /// </summary>
    [Theory]
    [InlineData(1_000_000, "LEAK-001")]
    [InlineData(LargestContent - 64, "LEAK-002")]
    public void Large_tool_results_are_inspected_within_budget_to_their_last_line(int size, string expected)
    {
        var engine = TestEngine.Create();
        var text = SourceText(size) + "\naws_access_key_id = AKIAZ7Q3B4XK2LMN5PQR\n";
        var result = JsonSerializer.Serialize(new { content = new[] { new { type = "text", text } } });
        var context = ServerMessageContexts.Response("tools/call", result, tool: "read_file");

        var verdict = engine.ServerToAgent.Inspect(context);

        Assert.DoesNotContain(verdict.RuleIds, id => id.StartsWith("VG-", StringComparison.Ordinal));
        Assert.Contains(expected, verdict.RuleIds);
    }

    private static string SourceText(int length)
    {
        string[] lines =
        [
            "using System.Collections.Generic;",
            "// Renders one invoice to HTML; totals are computed in minor units to avoid rounding drift.",
            "public string Render(Invoice invoice, CultureInfo culture) => templates.Get(\"invoice\").Render(new { invoice, culture });",
            "    var path = Path.Combine(root, \"reports\", $\"{invoice.Id}.html\"); // written under the output folder",
            "    if (total > limit) { log.LogWarning(\"total {Total} over {Limit}\", total, limit); }",
            "SELECT id, name FROM customers WHERE region = @region ORDER BY name; -- parameterised",
        ];
        var sb = new StringBuilder(length + 256);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(lines[i % lines.Length]).Append('\n');
        }

        return sb.ToString(0, length);
    }
}

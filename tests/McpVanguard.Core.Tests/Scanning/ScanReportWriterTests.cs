using System.Text.Json.Nodes;
using McpVanguard.Inspection;
using McpVanguard.Scanning;

namespace McpVanguard.Tests.Scanning;

public sealed class ScanReportWriterTests
{
    private static readonly ScanTarget Target = new("weather", "command line", ["node", "weather.js"], null);

    private static readonly ServerScanResult Poisoned = new(Target, "weather-server", null,
    [
        new ScanFinding("tools/list", "tool", "fetch_weather", new Finding("META-001", "L1", "MCP-10", Severity.High, FindingAction.Redact, "poisoned")),
        new ScanFinding("tools/list", "tool", "forecast", new Finding("PIN-002", "integrity", "MCP-10", Severity.Medium, FindingAction.Warn, "new")),
        new ScanFinding("initialize", "server", null, new Finding("META-001", "L1", "MCP-10", Severity.High, FindingAction.Log, "note")),
    ], 3, 0, 0, 0);

    [Fact]
    public void SarifHasOneRulePerIdAndResultsWithLevelsAndLogicalLocations()
    {
        var sarif = JsonNode.Parse(ScanReportWriter.Sarif([Poisoned, ServerScanResult.Failed(Target with { Name = "down" }, "did not start")], "1.2.3"))!;

        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var run = sarif["runs"]![0]!;
        Assert.Equal(["META-001", "PIN-002"], run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!));
        var results = run["results"]!.AsArray();
        Assert.Equal(["error", "warning", "note"], results.Select(r => (string)r!["level"]!));
        Assert.Equal([0, 1, 0], results.Select(r => (int)r!["ruleIndex"]!));
        Assert.Equal("weather/fetch_weather", (string?)results[0]!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]);
        Assert.Equal("weather", (string?)results[2]!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]);
        var invocation = run["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        Assert.Contains("did not start", (string?)invocation["toolExecutionNotifications"]![0]!["message"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void JsonListsServersFindingsAndASummary()
    {
        var json = JsonNode.Parse(ScanReportWriter.Json([Poisoned]))!;

        var server = json["servers"]![0]!;
        Assert.Equal("weather-server", (string?)server["server_name"]);
        Assert.Equal("node weather.js", (string?)server["upstream"]);
        Assert.Equal("fetch_weather", (string?)server["findings"]![0]!["item"]);
        Assert.Equal(3, (int)json["summary"]!["findings"]!);
        Assert.Equal(0, (int)json["summary"]!["failed"]!);
    }

    [Theory]
    [InlineData(FindingAction.Block, "error")]
    [InlineData(FindingAction.Redact, "error")]
    [InlineData(FindingAction.Warn, "warning")]
    [InlineData(FindingAction.Log, "note")]
    public void LevelFollowsTheProposedAction(FindingAction action, string level)
    {
        var finding = new ScanFinding("tools/list", "tool", "t", new Finding("X-1", "L1", "MCP-10", Severity.Low, action, "r"));

        Assert.Equal(level, finding.Level);
    }
}

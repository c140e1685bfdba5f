using Xunit;
using System.Text.Json;
using McpVanguard.Tests;

namespace McpVanguard.Tests.Inspection.Shell;

public sealed class ShellProbe
{
    [Fact]
    public void Probe()
    {
        var file = Environment.GetEnvironmentVariable("SHELL_PROBE");
        if (file is null || !File.Exists(file))
        {
            return;
        }

        var engine = TestEngine.Create();
        var lines = new List<string>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var expect = r.GetProperty("e").GetString();
            var tool = r.GetProperty("t").GetString()!;
            var args = r.GetProperty("a");
            var json = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{{\"name\":{JsonSerializer.Serialize(tool)},\"arguments\":{args.GetRawText()}}}}}";
            var verdict = engine.AgentToServer.Inspect(InspectionContextFactory.FromJson(json));
            var got = verdict.Blocks ? "block" : verdict.RuleIds.Count > 0 ? "warn" : "allow";
            var ok = expect == "block" ? got != "allow" : got == "allow";
            lines.Add($"{(ok ? "ok  " : "FAIL")} {expect,-5} {got,-5} [{string.Join(',', verdict.RuleIds)}] {tool} {args.GetRawText()}");
        }

        File.WriteAllLines(file + ".out", lines);
    }
}

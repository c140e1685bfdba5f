using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>breakdown-s2a</c>: time and allocation of each stage and of each inspector of the balanced server→agent pipeline, for
/// a 100-tool <c>tools/list</c> answer and a 4 KB tool result (median of repeated batches, one process, after a warm-up).
/// </summary>
public static class ServerToAgentBreakdown
{
    /// <param name="files">tools/list answers saved from real servers (<c>bench/save-tool-lists.py</c>): measured instead of the built-in messages when given.</param>
    public static void Run(IReadOnlyList<string>? files = null)
    {
        var engine = BenchEngine.Create(Profile.Balanced);
        (string Name, string Method, string? Tool, byte[] Frame, int PerCall)[] messages = files is { Count: > 0 }
            ? [.. files.Select(static f => ("tools/list " + Path.GetFileName(f), "tools/list", (string?)null, File.ReadAllBytes(f), 50))]
            :
            [
                ("tools/list 100 tools", "tools/list", null, ServerToAgentBenchmarks.ToolsList(100), 50),
                ("tools/list 100 distinct tools", "tools/list", null, ServerToAgentBenchmarks.ToolsList(100, distinct: true), 50),
                ("result 4 KB", "tools/call", "read_file", Messages.ServerResult, 2_000),
            ];

        Console.WriteLine("| message | stage | median thread-CPU µs | bytes allocated |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var (name, method, tool, frame, perCall) in messages)
        {
            InspectorBreakdown.Report(name, "parse", perCall, () =>
            {
                McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var m, out _);
                m!.Dispose();
            });

            McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var message, out _);
            using var owned = message!;
            var result = owned.Root.GetProperty("result");
            InspectorBreakdown.Report(name, "walk params + result", perCall, () =>
            {
                ArgumentWalker.TryWalk(owned.Params, engine.Limits, out _, out _);
                PayloadWalker.TryWalk(result, "/result", engine.Limits, out _, out _);
            });

            ArgumentWalker.TryWalk(owned.Params, engine.Limits, out var strings, out _);
            PayloadWalker.TryWalk(result, "/result", engine.Limits, out var payload, out _);
            var context = new InspectionContext
            {
                Message = owned,
                Direction = Direction.ServerToAgent,
                SessionId = "bench",
                ServerId = "default",
                Profile = Profile.Balanced,
                Strings = strings,
                Payload = payload,
                RequestMethod = method,
                RequestTool = tool,
            };
            foreach (var inspector in engine.ServerToAgent.Inspectors)
            {
                var findings = new List<Finding>();
                InspectorBreakdown.Report(name, $"inspector {inspector.GetType().Name}", perCall, () =>
                {
                    findings.Clear();
                    inspector.Inspect(context, findings);
                });
            }

            InspectorBreakdown.Report(name, "whole pipeline (all inspectors + policy)", perCall, () => engine.ServerToAgent.Inspect(context));

            // The engine's MetadataInspector above has seen this list before (its definitions' checks are cached by hash):
            // a new inspector per call is the cost of a list seen for the first time.
            var firstSight = new List<Finding>();
            InspectorBreakdown.Report(name, "MetadataInspector, first sight (a new inspector per call)", Math.Max(1, perCall / 5), () =>
            {
                firstSight.Clear();
                new McpVanguard.Inspection.Metadata.MetadataInspector().Inspect(context, firstSight);
            });
        }
    }
}

using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Integrity;

/// <summary>
/// Compares every <c>tools/list</c> result with the server's pins (rug-pull detection): a changed tool is withheld from the
/// agent and quarantined until approved (PIN-001), a new tool is reported (PIN-002), a removed one too (PIN-003).
/// </summary>
public sealed class ToolPinInspector(PinStore store) : IInspector
{
    public const string ChangedRule = "PIN-001";
    public const string AddedRule = "PIN-002";
    public const string RemovedRule = "PIN-003";
    public const string RenamedRule = "PIN-004";
    public const string UnavailableRule = "PIN-005";

    /// <summary>Tool metadata poisoning (a rug pull is poisoning after approval).</summary>
    private const string Category = "MCP-10";

    public string Id => "PIN-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.ServerToAgent || context.RequestMethod != "tools/list"
            || !context.Message.Root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("tools", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var tools = new List<ObservedTool>();
        var index = 0;
        foreach (var tool in list.EnumerateArray())
        {
            if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                tools.Add(new ObservedTool(name.GetString()!, index, ToolFingerprint.CanonicalJson(tool)));
            }

            index++;
        }

        if (context.ServerId == EnginePrimer.ServerId)
        {
            // Engine priming passes a made-up tools/list through the pipeline: it must never be pinned, but the
            // first real list must not pay for loading the pin file or for compiling the comparison either.
            WarmUp(tools);
            return;
        }

        // A page of a paginated list says nothing about tools on other pages.
        var complete = !result.TryGetProperty("nextCursor", out var cursor) || cursor.ValueKind is JsonValueKind.Null;
        var key = new ServerKey(context.Upstream ?? "server-id:" + context.ServerId, context.ServerName, context.ServerId);
        var observation = store.Observe(key, tools, complete, holdNewTools: context.Profile == Profile.Strict);
        if (observation.Error is not null)
        {
            // Not compared means a rug pull would pass unseen: a warning, which strict turns into a block.
            findings.Add(new Finding(UnavailableRule, "integrity", Category, Severity.High, FindingAction.Warn, "The tool pins could not be read or written; tools were not compared with them."));
            return;
        }

        if (observation.RenamedFrom is { } previous)
        {
            findings.Add(new Finding(RenamedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"The server at this upstream now calls itself '{Printable(context.ServerName)}' (was '{Printable(previous)}'); its previous pins apply."));
        }

        foreach (var change in observation.Changes)
        {
            findings.Add(ToFinding(change));
        }
    }

    /// <summary>Loads the pin file and runs the comparison once on a throwaway in-memory store (first sight, then a change).</summary>
    private void WarmUp(List<ObservedTool> tools)
    {
        store.WarmUp();
        var scratch = PinStore.InMemory();
        var key = new ServerKey("warm-up", null, EnginePrimer.ServerId);
        scratch.Observe(key, tools, complete: true, holdNewTools: false);
        scratch.Observe(key, [.. tools.Skip(1)], complete: true, holdNewTools: true);
        foreach (var change in scratch.Observe(key, [.. tools.Select(static t => new ObservedTool(t.Name, t.Index, [.. t.CanonicalJson, .. " "u8]))], complete: true, holdNewTools: true).Changes)
        {
            _ = ToFinding(change);
        }
    }

    private static Finding ToFinding(ToolChange change)
    {
        var tool = Printable(change.Tool);
        return change.Change switch
        {
            PinChange.Changed => new Finding(ChangedRule, "integrity", Category, Severity.High, FindingAction.Redact, $"Tool '{tool}' changed its description or schema since it was pinned; withheld until approved (vanguard pins diff / approve).")
            {
                Edit = MessageEdit.Remove("/result/tools/" + change.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                QuarantineTool = change.Tool,
            },
            PinChange.Added when change.Hold => new Finding(AddedRule, "integrity", Category, Severity.Medium, FindingAction.Redact, $"Tool '{tool}' is new since the server was pinned; withheld until approved.")
            {
                Edit = MessageEdit.Remove("/result/tools/" + change.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                QuarantineTool = change.Tool,
            },
            PinChange.Added => new Finding(AddedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"Tool '{tool}' is new since the server was pinned; pinned now."),
            _ => new Finding(RemovedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"Pinned tool '{tool}' is no longer offered."),
        };
    }

    /// <summary>Server-chosen text in a reason: bounded and without control characters, so it cannot forge log lines.</summary>
    private static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clipped = text.Length > 64 ? text[..64] + "…" : text;
        return string.Concat(clipped.Select(static c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c));
    }
}

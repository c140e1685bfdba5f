using McpVanguard.Inspection;

namespace McpVanguard.Scanning;

/// <summary>One finding of a scan, attributed to the message and, where known, the tool, prompt or resource it is about.</summary>
/// <param name="Method">The method of the message inspected (<c>tools/list</c>, <c>initialize</c>, …).</param>
/// <param name="ItemKind"><c>tool</c>, <c>prompt</c>, <c>resource</c>, <c>resource-template</c> or <c>server</c>.</param>
/// <param name="Item">The item's name (or URI), when the finding points at one.</param>
public sealed record ScanFinding(string Method, string ItemKind, string? Item, Finding Finding)
{
    /// <summary>The SARIF level: <c>error</c> for what would be blocked, redacted or held, <c>warning</c>, or <c>note</c>.</summary>
    public string Level => Finding.Action switch
    {
        FindingAction.Block or FindingAction.Redact or FindingAction.Review => "error",
        FindingAction.Warn => "warning",
        _ => "note",
    };

    /// <summary>Orders levels for <c>--fail-on</c>: note &lt; warning &lt; error.</summary>
    public static int Rank(string level) => level switch
    {
        "error" => 2,
        "warning" => 1,
        _ => 0,
    };
}

/// <summary>What the scan of one server found, or why it could not be scanned.</summary>
/// <param name="Error">Why the server could not be scanned (did not start, timed out, refused the handshake); null on success.</param>
public sealed record ServerScanResult(ScanTarget Target, string? ServerName, string? Error, IReadOnlyList<ScanFinding> Findings, int Tools, int Prompts, int Resources, int ResourceTemplates)
{
    public static ServerScanResult Failed(ScanTarget target, string error, IReadOnlyList<ScanFinding>? findings = null) => new(target, null, error, findings ?? [], 0, 0, 0, 0);
}

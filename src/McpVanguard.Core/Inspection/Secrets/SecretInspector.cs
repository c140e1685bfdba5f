using McpVanguard.Inspection.Output;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// Masks credentials in tool results, resource contents and prompt messages before the model sees them: each secret
/// becomes <c>[REDACTED:&lt;kind&gt;]</c> through an audited redact edit (LEAK-001). Scans within a bounded budget and
/// reports what it could not scan (LEAK-002).
/// </summary>
public sealed class SecretInspector : IInspector
{
    public const string RuleId = "LEAK-001";

    public const string BudgetRule = "LEAK-002";

    /// <summary>Characters scanned per string; the rest of a larger string is reported, not scanned.</summary>
    public const int MaxCharsPerString = 1 << 20;

    /// <summary>Characters scanned per message, across its strings.</summary>
    public const int MaxCharsPerMessage = 4 << 20;

    public string Id => "LEAK-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (!OutputScope.Applies(context))
        {
            return;
        }

        var budget = MaxCharsPerMessage;
        var truncated = false;
        foreach (var s in context.Payload.Items)
        {
            if (!OutputScope.IsText(s) || s.Value.Length < 8)
            {
                continue;
            }

            var take = Math.Min(Math.Min(s.Value.Length, MaxCharsPerString), budget);
            truncated |= take < s.Value.Length;
            budget -= take;
            foreach (var match in SecretScanner.Scan(s.Value, take, SecretScope.Output))
            {
                // The redaction is derived from where the secret was found, the same location the finding reports.
                var location = new FindingLocation(s.Pointer, match.Start, match.Length);
                findings.Add(new Finding(RuleId, "L1", "MCP-13", Severity.High, FindingAction.Redact, $"A secret ({match.Kind}) in the server's answer was masked.")
                {
                    Location = location,
                    Edit = location.Mask($"[REDACTED:{match.Kind}]"),
                });
            }

            if (budget == 0)
            {
                break;
            }
        }

        if (truncated || budget == 0)
        {
            findings.Add(new Finding(BudgetRule, "L1", "MCP-13", Severity.Medium, FindingAction.Warn, "The server's answer is larger than the secret-scan budget; its tail was not scanned."));
        }
    }
}

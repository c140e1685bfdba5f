using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// The agent→server side of secret detection: runs the same <see cref="SecretScanner"/> that masks secrets in answers
/// over every argument string of a request, and reports each credential format under its rule (SEC-001…009, 013…016)
/// with that rule's action. Scans the decoded copy (percent-decoded, NFKC, invisible characters removed; case kept),
/// because token formats are case-sensitive.
/// </summary>
public sealed class SecretArgumentInspector : IInspector
{
    /// <summary>Characters scanned per message, across its strings (the same budget as the answer side).</summary>
    public const int MaxCharsPerMessage = SecretInspector.MaxCharsPerMessage;

    public string Id => "SEC-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || context.Message.Method != "tools/call")
        {
            return;
        }

        var budget = MaxCharsPerMessage;
        HashSet<string>? reported = null;
        foreach (var s in context.Strings.Items)
        {
            if (budget <= 0)
            {
                break;
            }

            var text = s.Decoded;
            var take = Math.Min(Math.Min(text.Length, SecretInspector.MaxCharsPerString), budget);
            budget -= take;
            foreach (var match in SecretScanner.Scan(text, take, SecretScope.Arguments))
            {

                // One finding per rule: the verdict is the same however many keys of one kind a message carries.
                reported ??= new HashSet<string>(StringComparer.Ordinal);
                if (reported.Add(match.Rule.Id))
                {
                    var rule = match.Rule;
                    findings.Add(new Finding(rule.Id, "L1", rule.Category, rule.Severity, rule.Action, rule.Title));
                }
            }
        }
    }
}

using McpVanguard.Inspection;

namespace McpVanguard.Policy;

/// <summary>
/// Turns all findings about a message into one verdict under a profile. The strongest proposal wins, so a
/// deterministic block can never be downgraded by another finding.
/// </summary>
public sealed class PolicyComposer(Profile profile)
{
    public Profile Profile { get; } = profile;

    public Verdict Compose(List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return Verdict.Allowed;
        }

        var kind = VerdictKind.Allow;
        Finding? decisive = null;
        foreach (var finding in findings)
        {
            var proposed = Map(finding);
            if (proposed > kind || (proposed == kind && decisive is not null && finding.Severity > decisive.Severity))
            {
                kind = proposed;
                decisive = finding;
            }
        }

        return new Verdict(kind, findings.ToArray(), decisive?.Reason);
    }

    private VerdictKind Map(Finding finding)
    {
        var kind = finding.Action switch
        {
            FindingAction.Block => VerdictKind.Block,
            // Nobody can approve a call in-line yet, so a review request fails closed.
            FindingAction.Review => VerdictKind.Block,
            // A redaction that says nothing about what to change cannot be applied, so it fails closed.
            FindingAction.Redact => finding.Edit is null ? VerdictKind.Block : VerdictKind.Redact,
            FindingAction.Warn => Profile == Profile.Strict && finding.Severity >= Severity.High ? VerdictKind.Block : VerdictKind.Warn,
            _ => VerdictKind.Allow,
        };

        // Monitor never changes traffic: what would be blocked or redacted is forwarded and audited as a shadow block.
        return Profile == Profile.Monitor && kind is VerdictKind.Block or VerdictKind.Redact ? VerdictKind.ShadowBlock : kind;
    }
}

using McpVanguard.Inspection.Preflight;
using McpVanguard.Sessions;

namespace McpVanguard.Inspection.Access;

/// <summary>
/// The <c>access:</c> section: which verified callers may use which tools on which servers. A deny that matches wins
/// over any allow; a tool no rule allows gets <see cref="DefaultAllow"/> (deny unless configured).
/// </summary>
/// <remarks>
/// Allow patterns match the tool name exactly as sent (case-sensitive), deny patterns also match its case-folded and
/// canonical form (NFKC, invisible characters removed), so a spelling variant can slip past an allow (and then be
/// refused) but never past a deny.
/// </remarks>
public sealed record AccessPolicy(IReadOnlyList<AccessRule> Rules, bool DefaultAllow)
{
    /// <summary>Whether <paramref name="caller"/> may call <paramref name="tool"/> on server <paramref name="serverId"/>.</summary>
    public AccessDecision Evaluate(CallerIdentity caller, string serverId, string tool)
    {
        string? canonical = null;
        AccessRule? allowedBy = null;
        foreach (var rule in Rules)
        {
            if (!AppliesTo(rule, caller, serverId))
            {
                continue;
            }

            foreach (var deny in rule.DenyTools)
            {
                canonical ??= StringCanonicalizer.Canonicalize("name", tool).Canonical;
                if (deny.Matches(tool, ignoreCase: true) || deny.Matches(canonical, ignoreCase: true))
                {
                    return new AccessDecision(false, $"Tool '{Printable(tool)}' is denied to this caller on server '{serverId}' (access rule at line {rule.Line}).");
                }
            }

            if (allowedBy is null && rule.AllowTools.Any(allow => allow.Matches(tool)))
            {
                allowedBy = rule;
            }
        }

        if (allowedBy is not null)
        {
            return new AccessDecision(true, $"Allowed by the access rule at line {allowedBy.Line}.");
        }

        return DefaultAllow
            ? new AccessDecision(true, "Allowed by access.default.")
            : new AccessDecision(false, $"Tool '{Printable(tool)}' is not allowed for this caller on server '{serverId}' (no access rule allows it).");
    }

    /// <summary>Whether <paramref name="caller"/> may use anything at all on <paramref name="serverId"/> (for a transport that wants to refuse early).</summary>
    public bool MayUseServer(CallerIdentity caller, string serverId)
        => DefaultAllow || Rules.Any(rule => rule.AllowTools.Count > 0 && AppliesTo(rule, caller, serverId));

    private static bool AppliesTo(AccessRule rule, CallerIdentity caller, string serverId)
        => rule.Servers.Any(s => s.Matches(serverId)) && rule.Principals.Any(p => p.Matches(caller));

    /// <summary>Tool names are attacker-chosen: keep reasons short and free of control and bidi characters.</summary>
    private static string Printable(string tool)
    {
        var shortened = tool.Length > 64 ? tool[..64] + "…" : tool;
        return string.Create(shortened.Length, shortened, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.GetUnicodeCategory(s[i]) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format ? '?' : s[i];
            }
        });
    }
}

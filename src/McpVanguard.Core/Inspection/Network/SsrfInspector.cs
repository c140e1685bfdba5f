using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// Server-side request forgery: URL arguments (and URLs inside command lines such as <c>curl http://169.254.169.254/…</c>)
/// that reach cloud metadata, internal addresses or smuggling schemes (SSRF-001…006). Public URLs pass.
/// </summary>
public sealed class SsrfInspector : IInspector
{
    /// <summary>Most URLs examined inside one command string; bounds the work on a crafted argument.</summary>
    private const int MaxUrlsPerString = 32;

    public string Id => "SSRF-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer)
        {
            return;
        }

        var exec = ArgumentRoles.IsExecTool(context.ToolName);
        foreach (var s in context.Strings.Items)
        {
            if (ArgumentRoles.IsContentKey(s.Key) || s.Key.Length == 0 || s.Key == "name" && s.Raw == context.ToolName)
            {
                continue;
            }

            if (ArgumentRoles.IsCommandKey(s.Key) || exec && ArgumentRoles.IsArgvKey(s.Key))
            {
                InspectCommand(s, findings);
            }
            else if (ArgumentRoles.IsUrlKey(s.Key) || ArgumentRoles.HasScheme(s.Canonical))
            {
                InspectSmuggling(s, findings);
                if (s.Decoded.Length > 0 && s.Decoded.Length <= 8192 && !s.Decoded.AsSpan().Trim().ContainsAny(" \n\t"))
                {
                    Report(UrlClassifier.Classify(s.Decoded), findings);
                }
            }
        }
    }

    /// <summary>
    /// Payloads smuggled inside a URL after decoding: CR/LF splits the request into extra protocol lines (Redis, SMTP,
    /// HTTP header injection), and <c>../</c> walks out of the web root of the server that receives it.
    /// </summary>
    private static void InspectSmuggling(ArgumentString s, List<Finding> findings)
    {
        if (!ArgumentRoles.HasScheme(s.Canonical))
        {
            return;
        }

        if (s.Decoded.AsSpan().ContainsAny('\r', '\n'))
        {
            findings.AddOnce(new Finding("SSRF-008", "L1", "MCP-09", Severity.High, FindingAction.Block, "CR/LF injected into a URL (request smuggling)"));
        }

        if (s.Canonical.Contains("/../", StringComparison.Ordinal) || s.Canonical.EndsWith("/..", StringComparison.Ordinal))
        {
            findings.AddOnce(new Finding("SSRF-009", "L1", "MCP-08", Severity.High, FindingAction.Block, "Path traversal inside a URL"));
        }
    }

    /// <summary>URLs written inside a command line, and the bare hosts given to curl/wget (which default to http).</summary>
    private static void InspectCommand(ArgumentString s, List<Finding> findings)
    {
        var text = s.Decoded;
        var seen = 0;
        var i = text.IndexOf("://", StringComparison.Ordinal);
        while (i > 0 && seen++ < MaxUrlsPerString)
        {
            var start = i;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '-' or '.'))
            {
                start--;
            }

            var end = i + 3;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or ';' or '|' or '&' or ')' or '<' or '>' or '`'))
            {
                end++;
            }

            if (start < i)
            {
                Report(UrlClassifier.Classify(text[start..end]), findings);
            }

            i = text.IndexOf("://", end, StringComparison.Ordinal);
        }

        if (!text.Contains("curl", StringComparison.OrdinalIgnoreCase) && !text.Contains("wget", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var range in text.AsSpan().SplitAny(" \t\n'\"|;&"))
        {
            var word = text.AsSpan()[range];
            if (word.Length < 4 || word[0] == '-' || word.Contains("://", StringComparison.Ordinal) || !char.IsAsciiDigit(word[0]) && word[0] != '[' && !word.StartsWith("metadata", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("localhost", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var slash = word.IndexOf('/');
            var classification = UrlClassifier.ClassifyHost(slash < 0 ? word : word[..slash]);
            if (classification.Risk != UrlRisk.Public)
            {
                Report(classification, findings);
            }
        }
    }

    private static void Report(UrlClassification c, List<Finding> findings)
    {
        var (rule, severity, action, reason) = c.Risk switch
        {
            // Cloud metadata hands out the machine's credentials: always block.
            UrlRisk.CloudMetadata => ("SSRF-001", Severity.Critical, FindingAction.Block, "Request to a cloud metadata or cluster credential endpoint"),
            // gopher/dict smuggle raw protocols to internal services; file/jar/netdoc read local files.
            UrlRisk.DangerousScheme => ("SSRF-002", Severity.High, FindingAction.Block, "URL with a non-HTTP scheme"),
            UrlRisk.Loopback => ("SSRF-003", Severity.High, FindingAction.Warn, "Request to a loopback address"),
            UrlRisk.Private => ("SSRF-004", Severity.High, FindingAction.Warn, "Request to a private network address"),
            UrlRisk.LinkLocal => ("SSRF-005", Severity.High, FindingAction.Warn, "Request to a link-local address"),
            UrlRisk.Unspecified => ("SSRF-006", Severity.High, FindingAction.Warn, "Request to the unspecified address"),
            _ => (null, Severity.Low, FindingAction.Log, string.Empty),
        };

        if (rule is null)
        {
            return;
        }

        // An internal address written in decimal, hex, octal or inside IPv6 is an evasion attempt: block it.
        if (c.Obfuscated && action == FindingAction.Warn)
        {
            rule = "SSRF-007";
            action = FindingAction.Block;
            reason = "Internal address written in an obfuscated form";
        }

        foreach (var f in findings)
        {
            if (f.RuleId == rule)
            {
                return;
            }
        }

        var host = c.Host.Length > 64 ? c.Host[..64] : c.Host;
        findings.Add(new Finding(rule, "L1", "MCP-09", severity, action, $"{reason} ({host})."));
    }
}

using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Shell;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// Server-side request forgery: URL arguments (and URLs inside command lines such as <c>curl http://169.254.169.254/…</c>)
/// that reach cloud metadata, internal addresses, infrastructure API ports or smuggling schemes (SSRF-001…010), in every
/// spelling of the address. The one home of the URL/SSRF class. Public URLs pass.
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
        var runsCode = exec || ArgumentRoles.RunsCode(context.ToolName);
        foreach (var s in context.Strings.Items)
        {
            if (s.Key.Length == 0 || s.Key == "name" && s.Raw == context.ToolName)
            {
                continue;
            }

            if (s.Key == "uri" && context.Message.Method is "resources/read" or "resources/subscribe" or "resources/unsubscribe"
                && s.Decoded.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                // A resource's uri is the server's own name for it, and file:// is how MCP names files (the filesystem server's
                // resources): nothing is fetched by URL. Its path is judged as a path (sensitive files, traversal).
                continue;
            }

            if (runsCode && ArgumentRoles.IsCodeKey(s.Key))
            {
                // Code given to an interpreter makes the requests it spells (requests.get('http://169.254.169.254/…')); a URL in code
                // that has no network call is a constant (a block list, a test fixture).
                if (CodeApis.MakesRequests(s.Decoded))
                {
                    InspectCommand(s.Decoded, findings);
                }
            }
            else if (ArgumentRoles.IsContentKey(s.Key) && !(exec && ArgumentRoles.IsTypedKey(s.Key, context.ToolName)))
            {
                continue;
            }
            else if (ArgumentRoles.IsCommandIn(s.Key, s.Decoded, context.ToolName))
            {
                // In an exec-like tool a command is a command whatever its key (exec_in_vm {"line": "curl http://169.254.169.254/…"}).
                // grep -rn '169.254.169.254' src/, gh pr create --body 'Blocks file:// URLs', a config written by cat <<EOF: the address is
                // searched for or written about, not reached. The shell's data positions are blanked first (one home: ShellDataPositions).
                if (MayNameAddress(s.Decoded))
                {
                    InspectCommand(UrlDataPositions.Mask(s.Decoded), findings);
                }
            }
            else if (ArgumentRoles.IsUrlKey(s.Key) || ArgumentRoles.HasScheme(s.Canonical))
            {
                InspectUrl(s, findings);
            }
            else
            {
                InspectAddress(s.Decoded, findings);
            }
        }
    }

    private static void InspectUrl(ArgumentString s, List<Finding> findings)
    {
        InspectSmuggling(s, findings);
        // Whitespace as written means prose in a URL-ish field; whitespace decoded from %20 is part of the query
        // (http://127.0.0.1:2375/containers/app/exec?cmd=cat%20/etc/shadow) and the host before it still counts.
        if (s.Decoded.Length == 0 || s.Decoded.Length > 8192 || s.Raw.AsSpan().Trim().Contains(' '))
        {
            return;
        }

        // A tab, CR or LF inside a URL is no word break: WHATWG parsers (browsers, Node's fetch, undici) delete every one before
        // parsing (http://169.254.16<TAB>9.254/ is the metadata address). The URL is judged as they will read it.
        var decoded = UrlTabsAndNewlines.Remove(s.Decoded);
        var canonical = UrlTabsAndNewlines.Remove(s.Canonical);
        var c = UrlClassifier.Classify(decoded);
        if (c.Risk != UrlRisk.CloudMetadata && canonical != decoded)
        {
            // The canonical copy folds homoglyphs a lax resolver or a reader would also take for the real name (metadata.gοogle.internal).
            var folded = UrlClassifier.Classify(canonical);
            c = folded.Risk == UrlRisk.Public ? c : folded;
        }

        Report(c, findings);

        // A URL nested in another (an open redirect, a proxy's ?url=) reaches the metadata service just the same; other
        // internal targets stay unjudged there, since OAuth redirect_uri=http://localhost:… is everyday.
        var first = decoded.IndexOf("://", StringComparison.Ordinal);
        var inner = first < 0 ? string.Empty : decoded[(first + 3)..];
        foreach (var range in UrlsIn(inner))
        {
            var nested = UrlClassifier.Classify(inner[range]);
            if (nested.Risk == UrlRisk.CloudMetadata)
            {
                Report(nested, findings);
            }
        }
    }

    /// <summary>
    /// A bare metadata address in any other argument (<c>{"ip": "169.254.169.254"}</c>). Only its plain spellings count
    /// here: a lone integer or a one-word name in an arbitrary field is a number or a word, not a host.
    /// </summary>
    private static void InspectAddress(string value, List<Finding> findings)
    {
        if (value.Length is < 7 or > 256 || value.AsSpan().ContainsAny(" \n\t"))
        {
            return;
        }

        var slash = value.IndexOf('/');
        var c = UrlClassifier.ClassifyHost(slash < 0 ? value : value.AsSpan(0, slash));
        if (c.Risk == UrlRisk.CloudMetadata && !c.Obfuscated && c.Host.AsSpan().ContainsAny(".:"))
        {
            Report(c, findings);
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

        // CR/LF at either end of the value as written is whitespace every parser trims (a URL copied with its line end), not a second
        // protocol line; inside it, or decoded from %0D%0A, it is.
        if (s.Decoded.AsSpan().ContainsAny('\r', '\n') && (s.Raw.Contains('%') || s.Raw.AsSpan().Trim().ContainsAny('\r', '\n')))
        {
            findings.AddOnce(new Finding("SSRF-008", "L1", "MCP-09", Severity.High, FindingAction.Block, "CR/LF injected into a URL (request smuggling)"));
        }

        if (s.Canonical.Contains("/../", StringComparison.Ordinal) || s.Canonical.EndsWith("/..", StringComparison.Ordinal))
        {
            findings.AddOnce(new Finding("SSRF-009", "L1", "MCP-08", Severity.High, FindingAction.Block, "Path traversal inside a URL"));
        }
    }

    /// <summary>URLs written inside a command line or code, and the bare hosts given to curl/wget (which default to http).</summary>
    /// <summary>
    /// False when <see cref="InspectCommand"/> can find nothing in <paramref name="text"/> nor in any masked copy of it, so the command
    /// line is neither parsed nor masked: it reports only URLs (<c>://</c>) and words of four characters or more that start with a
    /// digit, <c>[</c>, <c>metadata</c> or <c>localhost</c>. Masking only blanks characters, so a word of the masked copy is a piece of
    /// a word of the text: a text with no such start followed by three more word characters has none either.
    /// </summary>
    internal static bool MayNameAddress(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        var span = text.AsSpan();
        for (var i = span.IndexOfAny(AddressStarts); i >= 0 && i + 3 < span.Length; i = NextStart(span, i + 1))
        {
            if (span.Slice(i, 4).IndexOfAny(CommandWordSeparators) < 0
                && (char.IsAsciiDigit(span[i]) || span[i] == '[' || span[i..].StartsWith("metadata", StringComparison.OrdinalIgnoreCase)
                    || span[i..].StartsWith("localhost", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;

        static int NextStart(ReadOnlySpan<char> span, int from)
        {
            var next = span[from..].IndexOfAny(AddressStarts);
            return next < 0 ? -1 : from + next;
        }
    }

    /// <summary>First characters of what <see cref="InspectCommandSegment"/> reads as an address (digits, <c>[</c>, the m of metadata, the l of localhost).</summary>
    private static readonly System.Buffers.SearchValues<char> AddressStarts = System.Buffers.SearchValues.Create("0123456789[mMlL");

    /// <summary>The separators <see cref="InspectCommandSegment"/> splits words on, and those it splits segments on.</summary>
    private static readonly System.Buffers.SearchValues<char> CommandWordSeparators = System.Buffers.SearchValues.Create(" \t\n'\"|;&()=,");

    private static void InspectCommand(string text, List<Finding> findings)
    {
        var fetcher = text.Contains("curl", StringComparison.OrdinalIgnoreCase) || text.Contains("wget", StringComparison.OrdinalIgnoreCase);
        var segments = 0;
        foreach (var range in text.AsSpan().SplitAny("\n;|&"))
        {
            if (++segments > MaxUrlsPerString)
            {
                break;
            }

            InspectCommandSegment(text[range], fetcher, findings);
        }
    }

    private static void InspectCommandSegment(string text, bool fetcher, List<Finding> findings)
    {
        foreach (var range in UrlsIn(text))
        {
            Report(UrlClassifier.Classify(text[range], commandLine: true), findings);
        }

        foreach (var range in text.AsSpan().SplitAny(" \t\n'\"|;&()=,"))
        {
            var word = text.AsSpan()[range];
            if (word.Length < 4 || word[0] == '-' || word.Contains("://", StringComparison.Ordinal) || !char.IsAsciiDigit(word[0]) && word[0] != '[' && !word.StartsWith("metadata", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("localhost", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Read as a scheme-less authority, so a port after the host counts too (curl 10.0.0.7:10250/pods).
            var classification = UrlClassifier.Classify(string.Concat("//", word));
            if (fetcher && classification.Risk != UrlRisk.Public)
            {
                Report(classification, findings);
            }
            else if (classification.Risk == UrlRisk.CloudMetadata && !classification.Obfuscated && classification.Host.AsSpan().ContainsAny(".:"))
            {
                // Any other client (nc, ssh, python's http.client) reaching a plainly written metadata address.
                Report(classification, findings);
            }
        }
    }

    /// <summary>
    /// The URLs written in <paramref name="text"/> (scheme to the first space, quote or shell operator), at most
    /// <see cref="MaxUrlsPerString"/>. A shell expansion glued to the host
    /// (<c>http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>) ends it: the shell appends a path there.
    /// </summary>
    private static IEnumerable<Range> UrlsIn(string text)
    {
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
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or ';' or '|' or '&' or ')' or '<' or '>' or '`' or '$'))
            {
                end++;
            }

            if (start < i)
            {
                yield return start..end;
            }

            i = text.IndexOf("://", end, StringComparison.Ordinal);
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
            // A local file: URL reads what read_file would (a built site, a report): its path is the sensitive-path catalogue's to block.
            UrlRisk.LocalFile => ("SSRF-002", Severity.Medium, FindingAction.Warn, "file: URL reads a local file"),
            UrlRisk.Loopback => ("SSRF-003", Severity.High, FindingAction.Warn, "Request to a loopback address"),
            UrlRisk.Private => ("SSRF-004", Severity.High, FindingAction.Warn, "Request to a private network address"),
            UrlRisk.LinkLocal => ("SSRF-005", Severity.High, FindingAction.Warn, "Request to a link-local address"),
            UrlRisk.Unspecified => ("SSRF-006", Severity.High, FindingAction.Warn, "Request to the unspecified address"),
            // The Docker daemon, etcd and the kubelet answer without credentials and hand over the host or the cluster's secrets.
            UrlRisk.InfrastructureApi => ("SSRF-010", Severity.High, FindingAction.Block, "Request to an unauthenticated infrastructure API port (Docker, etcd, kubelet)"),
            // Datastores, control planes and admin consoles on internal addresses answer without credentials: data theft or code execution.
            UrlRisk.InternalService => ("SSRF-011", Severity.High, FindingAction.Block, "Request to an internal service's data or admin API"),
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

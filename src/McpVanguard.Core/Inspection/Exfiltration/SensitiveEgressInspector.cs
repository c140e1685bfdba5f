using McpVanguard.Inspection.Paths;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Exfiltration;

/// <summary>
/// A command line that names a credential location and also sends data over the network — the shape of an
/// exfiltration whatever language carries it (the whole environment counts as one): <c>curl -d @~/.aws/credentials</c>, <c>python -c "requests.post(…,
/// open('~/.ssh/id_rsa').read())"</c>, <c>Invoke-WebRequest -InFile $env:USERPROFILE\.ssh\id_rsa</c> (EXFIL-001).
/// </summary>
public sealed class SensitiveEgressInspector : IInspector
{
    /// <summary>Longest command examined; a crafted argument cannot make the scan expensive.</summary>
    private const int MaxLength = 16 * 1024;

    /// <summary>Words and calls that move data off the machine (canonical, lower-case spelling).</summary>
    private static readonly string[] EgressMarkers =
    [
        "curl", "wget", "ncat", "netcat", "socat", "scp ", "sftp", "rsync ", "ftp ", "tftp", "invoke-webrequest", "invoke-restmethod",
        "iwr ", "irm ", "net.webclient", "uploadfile", "uploadstring", "uploaddata", "requests.post", "requests.put", "urllib", "http.client",
        "httpx", "fetch(", "axios", "socket", "/dev/tcp/", "smtplib", "sendmail", "mail -s", "s3 cp", "gsutil cp", "rclone", "nc ",
        "s3 sync", "s3api put-object", "storage cp", "az storage", "azcopy", "b2 upload", "s3cmd put", "mc cp",
        // Forge clients publish what they are given (an issue, a gist, a pull request body).
        "gh ", "glab ",
    ];

    /// <summary>The whole process environment, which holds the session's tokens, read into a command (canonical, lower case).</summary>
    private static readonly string[] EnvironmentDumps =
        ["$(env)", "$(printenv)", "`env`", "`printenv`", "$(set)", "$(export -p)", "/proc/self/environ", "$(env |", "$(printenv |", "get-childitem env:", "gci env:", "$(env|"];

    public string Id => "EXFIL-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer)
        {
            return;
        }

        var runsCode = ArgumentRoles.RunsCode(context.ToolName);
        foreach (var s in context.Strings.Items)
        {
            // A command line under any key the shell analyser reads as one (an exec tool's remote_command, keys, input …), and a code runner's source.
            if (!(ArgumentRoles.IsCommandIn(s.Key, s.Decoded, context.ToolName) || runsCode && ArgumentRoles.IsCodeKey(s.Key)) || s.Canonical.Length > MaxLength || !HasEgress(s.Canonical) || !NamesCredential(s.Canonical))
            {
                continue;
            }

            // A commit message, an echo operand or a here-document written to a file only mentions both (paid on hits only).
            if (Shell.ShellDataPositions.Mask(s.Canonical) is var masked && !ReferenceEquals(masked, s.Canonical) && (!HasEgress(masked) || !NamesCredential(masked)))
            {
                continue;
            }

            findings.Add(new Finding("EXFIL-001", "L1", "MCP-24", Severity.Critical, FindingAction.Block, "A command reads a credential location and sends data over the network."));
            return;
        }
    }

    /// <summary>True when <paramref name="command"/> (canonical) names a way to move data off the machine; L3 reuses it for network-capable calls.</summary>
    internal static bool HasEgress(string command)
    {
        foreach (var marker in EgressMarkers)
        {
            if (command.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a word of the command is a path (it has a separator) in a credential family that is blocked on read.</summary>
    private static bool NamesCredential(string command) =>
        SensitivePathCatalog.FindMentions(command).Exists(m => m.Location.Read == FindingAction.Block && command.AsSpan(m.Index, m.Length).Contains('/'))
        || EnvironmentDumps.Any(d => command.Contains(d, StringComparison.Ordinal));

}

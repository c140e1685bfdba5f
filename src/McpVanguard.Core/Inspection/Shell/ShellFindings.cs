namespace McpVanguard.Inspection.Shell;

/// <summary>The findings of the shell analyser, one instance each (findings are immutable, so they are shared).</summary>
internal static class ShellFindings
{
    public static readonly Finding ReverseShell = new("SHELL-001", "L1", "MCP-06", Severity.Critical, FindingAction.Block,
        "Reverse or bind shell: a shell wired to a network socket.");

    public static readonly Finding DownloadExecute = new("SHELL-002", "L1", "MCP-16", Severity.Critical, FindingAction.Block,
        "Download and execute: fetched content is run by an interpreter.");

    public static readonly Finding DecodedPayload = new("SHELL-003", "L1", "MCP-06", Severity.Critical, FindingAction.Block,
        "Encoded payload decoded and run by an interpreter.");

    public static readonly Finding PowerShellEncoded = new("SHELL-004", "L1", "MCP-06", Severity.High, FindingAction.Block,
        "PowerShell -EncodedCommand hides the script it runs.");

    public static readonly Finding PowerShellCradle = new("SHELL-005", "L1", "MCP-16", Severity.Critical, FindingAction.Block,
        "PowerShell download cradle: Invoke-Expression of downloaded code.");

    public static readonly Finding CredentialHarvest = new("SHELL-006", "L1", "MCP-08", Severity.High, FindingAction.Block,
        "find/xargs reading key or credential files.");

    public static readonly Finding Destructive = new("SHELL-007", "L1", "MCP-07", Severity.Critical, FindingAction.Block,
        "Destructive command: recursive delete, disk wipe, format or fork bomb on a system location.");

    public static readonly Finding Elevation = new("SHELL-008", "L1", "MCP-05", Severity.High, FindingAction.Warn,
        "Privilege elevation (sudo/su/doas).");

    public static readonly Finding PrivilegeChange = new("SHELL-009", "L1", "MCP-05", Severity.Critical, FindingAction.Block,
        "Privilege escalation: setuid bit, file capabilities, sudoers or admin group change.");

    public static readonly Finding AntiForensics = new("SHELL-010", "L1", "MCP-22", Severity.High, FindingAction.Block,
        "Anti-forensics: clearing shell history, logs or audit.");

    public static readonly Finding Persistence = new("SHELL-011", "L1", "MCP-22", Severity.High, FindingAction.Block,
        "Persistence: writing cron, start-up files, services or authorized_keys.");

    public static readonly Finding Shred = new("SHELL-012", "L1", "MCP-07", Severity.High, FindingAction.Warn,
        "Irrecoverable deletion with shred.");

    public static readonly Finding RawAddressUpload = new("SHELL-015", "L1", "MCP-24", Severity.High, FindingAction.Block,
        "Local data sent to a bare public IP address (git push, scp/rsync, curl/wget upload, a pipe into nc or ssh).");

    public static readonly Finding CredentialsServed = new("SHELL-016", "L1", "MCP-24", Severity.Critical, FindingAction.Block,
        "A file server whose root is a credential folder or a whole home or system root (http.server --directory ~/.ssh, php -S -t ~/.aws, npx serve ~).");

    public static readonly Finding EnvironmentEgress = new("SHELL-017", "L1", "MCP-24", Severity.High, FindingAction.Block,
        "Interpreter code sends the whole process environment (its tokens and keys) over the network.");

    public static readonly Finding CodeLoading = new("SHELL-014", "L1", "MCP-06", Severity.Critical, FindingAction.Block,
        "An option or environment variable makes a program run or load other code (git -c core.pager, tar --to-command, LD_PRELOAD, …).");
}

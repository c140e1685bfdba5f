using McpVanguard.Inspection.Paths;

namespace McpVanguard.Inspection.Shell;

/// <summary>Classifies the files a command writes to: start-up files, cron, logs, sudoers, block devices.</summary>
internal static class ShellTargets
{
    public static string Fold(string path) => path.Replace('\\', '/').ToLowerInvariant();

    /// <summary>
    /// Files run later by a shell, the scheduler, the service manager or git, and keys that grant future logins: writing them is
    /// persistence. Where they live is the sensitive-path catalog's knowledge (PATH-022/023/029/030), so a command that writes
    /// <c>~/.bashrc</c> and a <c>write_file</c> of it are judged by the same list.
    /// </summary>
    public static bool IsPersistence(string folded) =>
        folded.Length <= 4096 && SensitivePathCatalog.Match(NormalizedPath.Parse(folded)) is { WriteCategory: "MCP-22" };

    /// <summary>Files that grant root when written: sudoers, the preload list, the account databases.</summary>
    public static bool IsPrivilegeFile(string folded) =>
        folded.StartsWith("/etc/sudoers", StringComparison.Ordinal) || folded is "/etc/ld.so.preload" or "/etc/passwd" or "/etc/shadow" or "/etc/group";

    /// <summary>Logs and shell histories: truncating or deleting them hides what was done.</summary>
    public static bool IsTrail(string folded) =>
        folded.StartsWith("/var/log", StringComparison.Ordinal) || folded.EndsWith("_history", StringComparison.Ordinal)
        || folded.EndsWith("/.history", StringComparison.Ordinal) || folded.EndsWith("/consolehost_history.txt", StringComparison.Ordinal);

    /// <summary>Audit and logging services an attacker stops before acting.</summary>
    public static bool IsAuditService(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.EndsWith(".service", StringComparison.Ordinal))
        {
            w = w[..^8];
        }

        return w is "auditd" or "rsyslog" or "syslog" or "syslog-ng" or "systemd-journald" or "journald" or "auditbeat" or "osqueryd"
            or "falco" or "wazuh-agent" or "sysmon" or "eventlog";
    }
}

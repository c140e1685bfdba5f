namespace McpVanguard.Inspection.Shell;

/// <summary>Classifies the files a command writes to: start-up files, cron, logs, sudoers, block devices.</summary>
internal static class ShellTargets
{
    /// <summary>Files run at login or shell start, and keys that grant future access: writing them is persistence.</summary>
    private static readonly string[] PersistenceSuffixes =
    [
        "/.bashrc", "/.bash_profile", "/.bash_login", "/.bash_logout", "/.profile", "/.zshrc", "/.zprofile", "/.zshenv", "/.zlogin",
        "/authorized_keys", "/authorized_keys2", "/.ssh/rc", "/config.fish", "/etc/environment", "/etc/rc.local", "/etc/crontab",
        "/etc/bash.bashrc", "/etc/profile", "/.xinitrc", "/.xprofile",
    ];

    /// <summary>Directories whose files are run by the system later (cron, services, autostart).</summary>
    private static readonly string[] PersistenceDirectories =
    [
        "/etc/cron", "/var/spool/cron", "/etc/profile.d/", "/etc/systemd/system/", "/.config/systemd/user/", "/etc/init.d/",
        "/.config/autostart/", "/library/launchagents/", "/library/launchdaemons/", "/etc/update-motd.d/", "/start menu/programs/startup",
    ];

    public static string Fold(string path) => path.Replace('\\', '/').ToLowerInvariant();

    public static bool IsPersistence(string folded)
    {
        var t = folded.StartsWith('.') ? "/" + folded : folded;
        foreach (var suffix in PersistenceSuffixes)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var dir in PersistenceDirectories)
        {
            if (t.Contains(dir, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

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

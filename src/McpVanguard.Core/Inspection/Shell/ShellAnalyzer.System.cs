using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>Checks on system-administration commands (deletion, disks, permissions, services, history) and on written files.</summary>
internal sealed partial class ShellAnalyzer
{
    private void AnalyzeSystemCommand(List<string> words, int k, string name)
    {
        switch (name)
        {
            case "rm" or "unlink" or "del" or "rmdir" or "remove-item" or "rd" or "erase":
                {
                    // cmd.exe spells recursion /s: "rmdir /s /q %USERPROFILE%\Documents", "del /s /q …".
                    var recursive = name is "remove-item" or "rd" || words.Exists(static w => w is "/s" or "/S") || HasShortFlag(words, k, 'r') || HasShortFlag(words, k, 'R') || words.Contains("--recursive") || words.Contains("-Recurse");
                    for (var i = k + 1; i < words.Count; i++)
                    {
                        var w = words[i];
                        if (w == "--no-preserve-root")
                        {
                            Report(ShellFindings.Destructive);
                        }
                        else if (!w.StartsWith('-'))
                        {
                            // Destructive: "rm -rf /", "rm -rf ~", "rm -rf /etc", "rm -rf ~/projects" (but not "rm -rf ./build").
                            if (recursive && IsIrreplaceable(w))
                            {
                                Report(ShellFindings.Destructive);
                            }

                            // Anti-forensics: "rm -f /var/log/auth.log", "rm ~/.bash_history".
                            if (ShellTargets.IsTrail(ShellTargets.Fold(w)))
                            {
                                Report(ShellFindings.AntiForensics);
                            }
                        }
                    }

                    break;
                }

            case var _ when name.StartsWith("mkfs", StringComparison.Ordinal) || name is "mke2fs" or "wipefs" or "mkswap" or "blkdiscard":
                // Destructive: formatting or wiping a disk ("mkfs.ext4 /dev/sdb1"); building a filesystem in an image file is not.
                if (words.Exists(IsBlockDevice))
                {
                    Report(ShellFindings.Destructive);
                }

                break;
            case "format" or "format-volume" or "clear-disk":
                // Destructive: formatting a Windows drive.
                Report(ShellFindings.Destructive);
                break;
            case "sed":
                // Anti-forensics: editing a log or history in place ("sed -i '/203.0.113.7/d' /var/log/auth.log").
                if (words.Exists(static w => w.StartsWith("-i", StringComparison.Ordinal) || w.StartsWith("--in-place", StringComparison.Ordinal)
                    || w.Length > 2 && w[0] == '-' && w[1] != '-' && w.Contains('i')))
                {
                    ReportTrailTargets(words, k);
                }

                break;
            case "dd":
                // Destructive: "dd if=/dev/zero of=/dev/sda".
                foreach (var w in words)
                {
                    if (w.StartsWith("of=", StringComparison.Ordinal) && IsBlockDevice(w[3..]))
                    {
                        Report(ShellFindings.Destructive);
                    }
                }

                break;
            case "sdelete" or "sdelete64":
                // Irrecoverable deletion on Windows (Sysinternals).
                Report(ShellFindings.Shred);
                break;
            case "shred":
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    if (w.StartsWith('-'))
                    {
                        continue;
                    }

                    var folded = ShellTargets.Fold(w);
                    Report(IsBlockDevice(w) || IsIrreplaceable(w) ? ShellFindings.Destructive
                        : ShellTargets.IsTrail(folded) ? ShellFindings.AntiForensics : ShellFindings.Shred);
                }

                break;
            case "chmod" or "chown" or "chgrp":
                Permissions(words, k, name);
                break;
            case "setcap":
                // Privilege escalation: granting a capability that amounts to root (cap_setuid+ep on an interpreter, reading any
                // file, loading modules); cap_net_bind_service for a server on port 80 is not.
                if (words.Exists(IsRootEquivalentCapability))
                {
                    Report(ShellFindings.PrivilegeChange);
                }

                break;
            case "usermod" or "gpasswd" or "adduser" or "useradd" or "add-localgroupmember":
                // Privilege escalation: joining an admin group ("usermod -aG sudo bob").
                foreach (var w in words)
                {
                    var lw = w.ToLowerInvariant();
                    if (lw.Contains("sudo") || lw.Contains("wheel") || lw.Contains("admin") || lw.Contains("docker") || lw == "root" || lw == "-o")
                    {
                        Report(ShellFindings.PrivilegeChange);
                    }
                }

                break;
            case "visudo":
                Report(ShellFindings.PrivilegeChange);
                break;
            case "su":
                Report(ShellFindings.Elevation);
                break;
            case "history":
                // Anti-forensics: "history -c".
                if (HasShortFlag(words, k, 'c') || words.Contains("-w") && words.Contains("/dev/null"))
                {
                    Report(ShellFindings.AntiForensics);
                }

                break;
            case "unset" or "export" or "declare" or "typeset" or "set" or "setopt" or "unsetopt":
                // Anti-forensics: "unset HISTFILE", "export HISTSIZE=0", "set +o history".
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i].ToUpperInvariant();
                    if (name == "unset" && w.StartsWith("HIST", StringComparison.Ordinal) || name == "set" && w == "HISTORY" && words[i - 1] == "+o"
                        || name == "unsetopt" && w.Contains("HIST", StringComparison.Ordinal) || IsHistoryDisabling(words[i]))
                    {
                        Report(ShellFindings.AntiForensics);
                    }
                }

                break;
            case "truncate":
                // Anti-forensics: "truncate -s 0 /var/log/syslog".
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (!words[i].StartsWith('-') && ShellTargets.IsTrail(ShellTargets.Fold(words[i])))
                    {
                        Report(ShellFindings.AntiForensics);
                    }
                }

                break;
            case "systemctl" or "service" or "killall" or "pkill" or "stop-service" or "sc":
                // Anti-forensics: stopping the audit or log daemon ("systemctl stop auditd").
                var stops = name is "killall" or "pkill" or "stop-service" || words.Exists(static w => w is "stop" or "disable" or "mask" or "kill");
                if (stops && words.Exists(ShellTargets.IsAuditService))
                {
                    Report(ShellFindings.AntiForensics);
                }

                break;
            case "auditctl":
                if (words.Contains("-D") || words.Contains("-e") && words.Contains("0"))
                {
                    Report(ShellFindings.AntiForensics);
                }

                break;
            case "journalctl":
                // Anti-forensics: vacuuming the journal down to nothing ("--vacuum-time=1s"); routine retention ("2weeks") is not.
                if (words.Exists(IsJournalWipe))
                {
                    Report(ShellFindings.AntiForensics);
                }

                break;
            case "wevtutil" or "clear-eventlog" or "remove-eventlog":
                if (name != "wevtutil" || words.Exists(static w => w.Equals("cl", StringComparison.OrdinalIgnoreCase) || w.Equals("clear-log", StringComparison.OrdinalIgnoreCase)))
                {
                    Report(ShellFindings.AntiForensics);
                }

                break;
        }
    }

    private void ReportTrailTargets(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            if (!words[i].StartsWith('-') && ShellTargets.IsTrail(ShellTargets.Fold(words[i])))
            {
                Report(ShellFindings.AntiForensics);
            }
        }
    }

    private static bool IsRootEquivalentCapability(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Contains("cap_setuid") || w.Contains("cap_setgid") || w.Contains("cap_dac_") || w.Contains("cap_sys_admin") || w.Contains("cap_sys_ptrace")
            || w.Contains("cap_sys_module") || w.Contains("cap_chown") || w.Contains("cap_fowner") || w.StartsWith("all", StringComparison.Ordinal) || w.StartsWith("=e", StringComparison.Ordinal);
    }

    /// <summary>A vacuum that keeps less than a day of journal or less than a megabyte of it.</summary>
    private static bool IsJournalWipe(string word)
    {
        var w = word.ToLowerInvariant();
        if (!w.StartsWith("--vacuum-", StringComparison.Ordinal) || w.IndexOf('=') is var eq && eq < 0)
        {
            return false;
        }

        var value = w[(eq + 1)..].TrimEnd('s');
        var unit = value.TrimStart("0123456789".ToCharArray());
        return w.StartsWith("--vacuum-time", StringComparison.Ordinal) ? unit is "" or "sec" or "m" or "min" or "minute" or "h" or "hour"
            : w.StartsWith("--vacuum-size", StringComparison.Ordinal) && unit is "" or "b" or "k" or "kb";
    }

    private void Permissions(List<string> words, int k, string name)
    {
        var recursive = HasShortFlag(words, k, 'R') || words.Contains("--recursive");
        string? mode = null;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-') && !(name == "chmod" && w.Length > 1 && w[1] is 'r' or 'w' or 'x' or 's'))
            {
                continue;
            }

            if (mode is null)
            {
                mode = w;

                // Privilege escalation: setuid/setgid ("chmod u+s /bin/bash", "chmod 4755 x").
                if (name == "chmod" && (w.Contains("+s", StringComparison.Ordinal) || w.Length == 4 && w[0] is '4' or '2' or '6' && int.TryParse(w, out _)
                    || w.Length == 5 && w[0] == '0' && w[1] is '4' or '2' or '6'))
                {
                    Report(ShellFindings.PrivilegeChange);
                }

                continue;
            }

            // Destructive: "chmod -R 777 /", "chown -R nobody /etc".
            if (recursive && IsCriticalDirectory(w))
            {
                Report(ShellFindings.Destructive);
            }
        }
    }

    private static bool IsHistoryDisabling(string word)
    {
        if (!word.StartsWith("HIST", StringComparison.OrdinalIgnoreCase) || !IsAssignment(word))
        {
            return false;
        }

        var value = word[(word.IndexOf('=') + 1)..];
        return value is "" or "/dev/null" or "0";
    }

    private static bool HasShortFlag(List<string> words, int k, char flag)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Contains(flag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Files whose content is read by people and tests, never run: an echoed attack written there is a fixture or a note.</summary>
    private static readonly string[] DataFileExtensions =
        [".md", ".txt", ".rst", ".adoc", ".log", ".json", ".yaml", ".yml", ".csv", ".html", ".xml", ".snap", ".golden", ".expected", ".out", ".jsonl"];

    /// <summary>
    /// True when the command is <c>echo</c>/<c>printf</c> that writes only into data files (<c>printf '…/dev/tcp/…' &gt; tests/fixtures/revshell.txt</c>,
    /// <c>echo '…' &gt;&gt; docs/SAFETY.md</c>) and feeds no interpreter: its operands are text. Printed to the terminal, piped on or written
    /// to a script (<c>&gt; /tmp/r.sh</c>, <c>&gt; ~/.bashrc</c>), they are still judged as commands.
    /// </summary>
    private static bool IsFixtureWrite(ShellPipeline pipeline, int c, int k)
    {
        var command = pipeline.Commands[c];
        if (k >= command.Words.Count || NameOf(command.Words[k]) is not ("echo" or "printf") || c + 1 < pipeline.Commands.Count)
        {
            return false;
        }

        var writes = 0;
        foreach (var r in command.Redirects)
        {
            if (!r.Writes || r.Operator == ">&")
            {
                continue;
            }

            writes++;
            var target = r.Target.ToLowerInvariant();
            if (!Array.Exists(DataFileExtensions, e => target.EndsWith(e, StringComparison.Ordinal)) || IsBuildFile(target))
            {
                return false;
            }
        }

        return writes > 0;
    }

    private static readonly List<string> NoWords = [];

    /// <summary>Words and redirections of any command: /dev/tcp sockets, history assignments, files written.</summary>
    /// <param name="wordsAreData">The words are text written to a data file (<see cref="IsFixtureWrite"/>): only the redirections are judged.</param>
    private void CheckWordsAndRedirects(ShellCommand command, bool wordsAreData = false)
    {
        // A search pattern names what is looked for (grep -rnE 'nc -e|/dev/tcp/' scripts/): it opens nothing.
        var k = FindCommand(command.Words, out _);
        var patterns = !wordsAreData && k < command.Words.Count && ShellSearchArguments.IsSearch(command.Words, k, NameOf(command.Words[k]))
            ? ShellSearchArguments.Classify(command.Words, k, NameOf(command.Words[k])).Where(static r => r.Role == SearchRole.Pattern).Select(static r => r.Index).ToHashSet()
            : !wordsAreData && JsonFilterIndex(command.Words, k) is var filter and >= 0 ? [filter]
            // A PR body or commit message quotes what it fixes (gh pr create --body 'Adds a rule for bash -i >& /dev/tcp/…'): prose, opened by nothing.
            : !wordsAreData ? ShellDataPositions.ProseValueIndices(command.Words, k)
            : null;
        var index = -1;
        foreach (var w in wordsAreData ? NoWords : command.Words)
        {
            index++;
            if (patterns is not null && patterns.Contains(index))
            {
                continue;
            }

            // Reverse shell: bash's /dev/tcp pseudo-files and gawk's /inet/tcp.
            // zsh's ztcp opens the same kind of socket from the zsh/net/tcp module.
            if (w.Contains("/dev/tcp/", StringComparison.Ordinal) || w.Contains("/dev/udp/", StringComparison.Ordinal) || w.Contains("/inet/tcp/", StringComparison.Ordinal)
                || w.Contains("ztcp ", StringComparison.Ordinal) || w == "ztcp")
            {
                Report(ShellFindings.ReverseShell);
            }

            if (IsHistoryDisabling(w))
            {
                Report(ShellFindings.AntiForensics);
            }
        }

        foreach (var r in command.Redirects)
        {
            if (r.Target.Contains("/dev/tcp/", StringComparison.Ordinal) || r.Target.Contains("/dev/udp/", StringComparison.Ordinal))
            {
                Report(ShellFindings.ReverseShell);
            }
            else if (r.Writes && r.Operator != ">&")
            {
                CheckWriteTarget(r.Target, truncates: r.Operator is ">" or ">|" or "&>");
            }
        }
    }

    /// <summary>
    /// The filter of <c>jq</c>/<c>yq</c> editing a file no build or CI system runs (<c>jq '.rules += [{"pattern": "/dev/tcp/"}]' policy.json</c>): its
    /// string literals are the data written, so the word is not judged as a command's. A filter aimed at a build file is judged by
    /// <see cref="CheckBuildFileEdit"/>. -1 when there is none.
    /// </summary>
    private static int JsonFilterIndex(List<string> words, int k)
    {
        if (k >= words.Count || NameOf(words[k]) is not ("jq" or "yq" or "gojq" or "jaq" or "dasel") || words.Skip(k + 1).Any(IsBuildFile))
        {
            return -1;
        }

        for (var i = k + 1; i < words.Count; i++)
        {
            if (!words[i].StartsWith('-'))
            {
                return i;
            }

            if (words[i] is "--arg" or "--argjson" or "--slurpfile" or "--rawfile" && i + 2 < words.Count)
            {
                i += 2;
            }
        }

        return -1;
    }

    private void CheckWriteTarget(string target, bool truncates)
    {
        if (target.Length == 0)
        {
            return;
        }

        var folded = ShellTargets.Fold(target);
        if (IsBlockDevice(folded))
        {
            Report(ShellFindings.Destructive);
        }
        else if (ShellTargets.IsPrivilegeFile(folded))
        {
            Report(ShellFindings.PrivilegeChange);
        }
        else if (ShellTargets.IsPersistence(folded))
        {
            Report(ShellFindings.Persistence);
        }
        else if (truncates && ShellTargets.IsTrail(folded))
        {
            Report(ShellFindings.AntiForensics);
        }
    }
}

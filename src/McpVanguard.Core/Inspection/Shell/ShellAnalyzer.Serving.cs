using McpVanguard.Inspection.Paths;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A static file server whose root is a credential folder or a whole home or system root (SHELL-016): every key in it is one GET
/// away for anyone who can reach the port. <c>python3 -m http.server --directory ~/.ssh</c>, <c>php -S 0.0.0.0:8000 -t ~/.aws</c>,
/// <c>npx serve ~/.aws</c>, <c>busybox httpd -h ~/.ssh</c>, <c>ruby -run -e httpd ~/.gnupg</c>, <c>cd ~/.ssh &amp;&amp; python3 -m http.server</c>,
/// and the same servers written as interpreter code. A project's own folder (<c>npx serve dist</c>) is everyday work.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Programs that serve the folder named by an operand or option (their default root is the working directory).</summary>
    private static readonly HashSet<string> FileServers = new(StringComparer.Ordinal)
    {
        "serve", "http-server", "live-server", "static-server", "miniserve", "darkhttpd", "simple-http-server", "servez", "httpd", "webfsd",
        "caddy", "twistd", "lighttpd", "python-http-server", "sirv", "sirv-cli", "local-web-server", "ws", "dufs", "updog", "gossa", "ngrok",
    };

    /// <summary>Package runners that run the program after them: <c>npx serve</c>, <c>bunx http-server</c>, <c>pnpm dlx serve</c>.</summary>
    private static readonly HashSet<string> PackageRunners = new(StringComparer.Ordinal) { "npx", "bunx", "pnpx", "dlx", "uvx", "pipx" };

    /// <summary>Where <c>cd</c> took the script last (null before any): a server started without a root serves it.</summary>
    private string? _workingDirectory;

    private void TrackWorkingDirectory(List<string> words, int k, string name)
    {
        if (name is "cd" or "pushd" or "set-location" or "sl" or "chdir")
        {
            var target = words.Skip(k + 1).FirstOrDefault(static w => !w.StartsWith('-'));
            _workingDirectory = target ?? "~";
        }
    }

    private void CheckServedFolder(List<string> words, int k, string name)
    {
        // npx serve …, pnpm dlx serve …, npm exec serve …
        while (k < words.Count && (PackageRunners.Contains(name) || name is "pnpm" or "yarn" or "npm" && k + 1 < words.Count && words[k + 1] is "dlx" or "exec"))
        {
            k++;
            while (k < words.Count && (words[k].StartsWith('-') || words[k] is "dlx" or "exec"))
            {
                k++;
            }

            name = k < words.Count ? NameOf(words[k]) : string.Empty;

            // A pinned package is the same program: serve@14, http-server@latest.
            var at = name.IndexOf('@', 1);
            name = at > 0 ? name[..at] : name;
        }

        if (k >= words.Count || !IsFileServer(words, k, name, out var operandsFrom))
        {
            return;
        }

        var rooted = false;
        for (var i = operandsFrom; i < words.Count; i++)
        {
            var w = words[i];
            var eq = w.StartsWith("--", StringComparison.Ordinal) ? w.IndexOf('=') : -1;
            var value = eq > 0 ? w[(eq + 1)..] : w;
            if (value.StartsWith('-') || value.Length == 0)
            {
                continue;
            }

            rooted |= value.Contains('/') || value.Contains('\\') || value[0] is '~' or '.' or '$';
            if (IsSecretFolder(value))
            {
                Report(ShellFindings.CredentialsServed);
                return;
            }
        }

        if (!rooted && _workingDirectory is { } cwd && IsSecretFolder(cwd))
        {
            Report(ShellFindings.CredentialsServed);
        }
    }

    /// <summary>True when the command at <paramref name="k"/> starts a file server; <paramref name="operandsFrom"/> is where its root may be named.</summary>
    private static bool IsFileServer(List<string> words, int k, string name, out int operandsFrom)
    {
        operandsFrom = k + 1;
        if (FileServers.Contains(name))
        {
            return true;
        }

        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var module = w is "-m" && i + 1 < words.Count ? words[i + 1] : w.StartsWith("-m", StringComparison.Ordinal) && w.Length > 2 ? w[2..] : null;
            if (name.StartsWith("python", StringComparison.Ordinal) && module is "http.server" or "SimpleHTTPServer" or "uploadserver" or "twisted")
            {
                operandsFrom = i + 1;
                return true;
            }

            // php -S addr [-t root]; ruby -run -e httpd [root]
            if (name.StartsWith("php", StringComparison.Ordinal) && w == "-S"
                || name.StartsWith("ruby", StringComparison.Ordinal) && w is "httpd" or "-ehttpd" or "-e httpd")
            {
                operandsFrom = i + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>A credential folder of the catalogue, or a root that contains them all (<c>/</c>, <c>~</c>, <c>/etc</c>, a home).</summary>
    private static bool IsSecretFolder(string word)
    {
        var t = word.Trim('"', '\'');
        t = t.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? t[7..] : t; // ngrok http file:///home/bob/.ssh
        if (t.Length is 0 or > 4096)
        {
            return false;
        }

        return IsCriticalDirectory(t) || SensitivePathCatalog.Match(NormalizedPath.Parse(ShellTargets.Fold(t))) is { Read: not null };
    }

    /// <summary>Calls in interpreter code that name the folder a server serves or a file it sends.</summary>
    private static readonly string[] CodeServedRoots =
    [
        "chdir(", "express.static(", "serve-static(", "servestatic(", "directory=", "documentroot:", "documentroot =>", "http.dir(", "readfilesync(",
        "readfile(", "send_file(", "sendfile(", "send_from_directory(", "staticfiles(", "fileserver(",
    ];

    /// <summary>Markers of a server in interpreter code.</summary>
    private static readonly string[] CodeServers =
    [
        "http.server", "simplehttprequesthandler", "socketserver", "serve_forever", "webrick", "createserver(", "express(", ".listen(", "deno.serve(",
        "bun.serve(", "http.listenandserve(", "flask(", "httpserver(", "rack::", "sinatra",
    ];

    /// <summary>Interpreter code that starts a server and hands it a credential folder or file.</summary>
    private void CheckServedFromCode(string lower)
    {
        if (!CodeServers.Any(s => lower.Contains(s, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var call in CodeServedRoots)
        {
            for (var at = lower.IndexOf(call, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(call, at + call.Length, StringComparison.Ordinal))
            {
                if (CodePathArgument.At(lower, at + call.Length) is { } path && IsSecretFolder(path))
                {
                    Report(ShellFindings.CredentialsServed);
                    return;
                }
            }
        }
    }
}

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The home directory as interpreter code spells it (<c>os.path.expanduser('~')</c>, <c>os.homedir()</c>, <c>Path.home()</c>,
/// <c>Dir.home</c>, <c>process.env.HOME</c>), replaced by a <c>'~'</c> literal so that a join or concatenation with it reads as a path:
/// <c>os.path.join(os.path.expanduser('~'), '.aws', 'credentials')</c> is <c>~/.aws/credentials</c>.
/// </summary>
internal static class HomeDirectoryCalls
{
    /// <summary>Calls and expressions that evaluate to the home directory. A call ending in '(' keeps a literal argument (expanduser('~/.bashrc')).</summary>
    private static readonly string[] Calls =
    [
        "os.path.expanduser(", "path.expanduser(", "expanduser(", "os.homedir(", "homedir(", "pathlib.path.home(", "path.home(", "file.expand_path(",
        "dir.home(", "os.getenv('home')", "os.getenv(\"home\")", "os.environ['home']", "os.environ[\"home\"]", "process.env.home", "getenv('home')",
        "getenv(\"home\")", "$_server['home']",
        // Deno, Node's bracket form, Ruby's ENV, Go, Java, .NET and Rust spell the same lookup their own way.
        "deno.env.get('home')", "deno.env.get(\"home\")", "process.env['home']", "process.env[\"home\"]", "env['home']", "env[\"home\"]",
        "os.environ.get('home')", "os.environ.get(\"home\")", "os.userhomedir()", "system.getproperty(\"user.home\")", "system.getproperty('user.home')",
        "environment.getenvironmentvariable(\"userprofile\")", "environment.getenvironmentvariable('userprofile')", "env::var(\"home\").unwrap()",
        "os.getenv('userprofile')", "os.getenv(\"userprofile\")",
    ];

    /// <summary>Shell-style variables, replaced only where the caller knows they are not already expanded by the shell reading.</summary>
    private static readonly string[] Variables = ["$env{home}", "$env{'home'}", "$env:userprofile", "$env:home", "$home"];

    /// <summary>Most replacements made in one piece of code.</summary>
    private const int MaxReplacements = 16;

    public static string AsLiterals(string code, bool includeVariables)
    {
        if (code.IndexOf("home", StringComparison.OrdinalIgnoreCase) < 0 && code.IndexOf("expanduser", StringComparison.OrdinalIgnoreCase) < 0
            && code.IndexOf("userprofile", StringComparison.OrdinalIgnoreCase) < 0 && code.IndexOf("expand_path", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return code;
        }

        var e = code;
        var replaced = 0;
        foreach (var call in includeVariables ? [.. Calls, .. Variables] : Calls)
        {
            for (var at = e.IndexOf(call, StringComparison.OrdinalIgnoreCase); at >= 0 && replaced < MaxReplacements; at = e.IndexOf(call, Math.Min(at + 3, e.Length), StringComparison.OrdinalIgnoreCase))
            {
                if (at > 0 && (char.IsAsciiLetterOrDigit(e[at - 1]) || e[at - 1] == '_') && call[0] != '$' || at >= e.Length)
                {
                    continue; // part of a longer name (myexpanduser(), not_homedir())
                }

                replaced++;
                var end = at + call.Length;

                // The receiver goes with the call: require('os').homedir() and (await import('os')).homedir() are the home, not 'os' + '~'.
                // Only for calls whose result ignores the receiver: Path('~/x').expanduser() is the receiver's own path.
                var from = at > 0 && e[at - 1] == '.' && call is "homedir(" or "path.home(" or "dir.home(" ? ReceiverStart(e, at - 1) : at;
                if (call.EndsWith('('))
                {
                    var close = e.IndexOf(')', end);
                    var inner = close < 0 ? string.Empty : e[end..close].Trim();
                    e = e[..from] + (inner.Length > 0 ? inner : "'~'") + (close < 0 ? string.Empty : e[(close + 1)..]);
                }
                else
                {
                    e = e[..from] + "'~'" + e[end..];
                }

                at = from; // the text before the call shrank with its receiver: search on from where the replacement starts
            }
        }

        return e;
    }

    /// <summary>Where the receiver of a member call ending at the dot <paramref name="dot"/> starts: names, dots and balanced parentheses, scanned back a bounded way.</summary>
    private static int ReceiverStart(string e, int dot)
    {
        var j = dot - 1;
        var limit = Math.Max(0, dot - 64);
        while (j >= limit)
        {
            var c = e[j];
            if (c == ')')
            {
                var depth = 1;
                j--;
                while (j >= limit && depth > 0)
                {
                    depth += e[j] == ')' ? 1 : e[j] == '(' ? -1 : 0;
                    j--;
                }

                if (depth > 0)
                {
                    return dot + 1; // unbalanced: keep the receiver
                }

                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$')
            {
                j--;
                continue;
            }

            break;
        }

        return j + 1;
    }
}

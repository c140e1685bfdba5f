using System.Collections.Frozen;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The parts of a command line that are data, not code: operands of <c>echo</c>/<c>printf</c>, <c>grep</c>/<c>rg</c> patterns, values of
/// <c>-m</c>/<c>--message</c>/<c>--body</c>/<c>--title</c>/<c>--description</c>/<c>--label</c>, operands of <c>logger</c>/<c>notify-send</c>, the
/// values of metadata setters (<c>npm pkg set k=v</c>, <c>kubectl annotate</c>), and environment-assignment values
/// (<c>NODE_OPTIONS='--max-old-space-size=4096'</c>, <c>MSG='# Release notes'</c>). <see cref="Mask"/> blanks them so that text signatures
/// (SQL, command rules) judge only what runs. Data that is executed stays: an <c>echo</c> piped into a shell is code.
/// </summary>
public static class ShellDataPositions
{
    /// <summary>Options whose value is prose for any program (<c>gh pr create --body …</c>).</summary>
    private static readonly FrozenSet<string> ProseOptions = FrozenSet.Create(StringComparer.Ordinal,
        "--message", "--body", "--title", "--description", "--subject", "--notes", "--summary", "--comment", "--reason", "--annotation",
        "--release-notes", "--changelog", "--caption", "--label", "--note");

    /// <summary>Options whose value is stored as text, not run (<c>kubectl create configmap --from-literal=k=v</c>, <c>helm --set-string k=v</c>).</summary>
    private static readonly FrozenSet<string> StoredValueOptions = FrozenSet.Create(StringComparer.Ordinal, "--from-literal", "--set-string", "--set");

    /// <summary>Database shells: what is piped into them (echo "…" | psql) is SQL they run, not data.</summary>
    private static readonly FrozenSet<string> DatabaseClients = FrozenSet.Create(StringComparer.Ordinal,
        "psql", "mysql", "mariadb", "sqlite3", "sqlcmd", "duckdb", "clickhouse-client", "mongosh", "mongo", "cqlsh", "snowsql", "bq");

    /// <summary>Programs that only show or log their operands (a desktop notification, a syslog line), like <c>echo</c>.</summary>
    private static readonly FrozenSet<string> MessageOnlyPrograms = FrozenSet.Create(StringComparer.Ordinal, "logger", "notify-send", "wall", "say", "espeak");

    /// <summary>Programs whose <c>-m</c> is a message (version control, forges, release tools), not a module or a count.</summary>
    private static readonly FrozenSet<string> MessagePrograms = FrozenSet.Create(StringComparer.Ordinal,
        "git", "gh", "glab", "hg", "svn", "jj", "tea", "hub", "bzr", "fossil", "npm", "yarn", "pnpm", "cz", "tag");

    /// <summary>Forge and tracker clients whose short options <c>-t</c>/<c>-b</c>/<c>-n</c>/<c>-s</c> (and glab's <c>-d</c>) carry a title, body, notes, summary or description.</summary>
    private static readonly FrozenSet<string> ForgePrograms = FrozenSet.Create(StringComparer.Ordinal, "gh", "glab", "tea", "hub", "jira", "lab");

    /// <summary>
    /// <paramref name="text"/> with every data position replaced by spaces (same length, so offsets keep their meaning); the text itself when it
    /// has none. Parses once; call it only when a signature has matched.
    /// </summary>
    public static string Mask(string text) => MaskPositions(text, searchPatternsOnly: false);

    /// <summary>
    /// <paramref name="text"/> with only its search patterns blanked (<c>grep -c 'ignore previous instructions' agent.log</c>): text to find is
    /// never addressed to a model, while a message or body an agent writes may be read by one later.
    /// </summary>
    public static string MaskSearchPatterns(string text) => MaskPositions(text, searchPatternsOnly: true);

    /// <summary>Directories of test data: what is written there is read by a test harness, not followed by a model.</summary>
    private static readonly string[] FixtureDirectories = ["tests/", "test/", "fixtures/", "testdata/", "__fixtures__/", "spec/", "__snapshots__/", "testcases/"];

    /// <summary>
    /// True when <paramref name="text"/> only prints text (echo, printf) into data files under a test directory
    /// (<c>printf 'ignore previous instructions' &gt; tests/fixtures/injection/en.txt</c>): a detector's fixture, not a planted instruction.
    /// </summary>
    public static bool WritesOnlyTestFixtures(string text) => PrintOnlyWrites.Into(text, IsTestFixture, catHeredoc: false);

    /// <summary>A relative file of a data kind under a test directory (not absolute, not home, no <c>..</c>).</summary>
    private static bool IsTestFixture(string redirectTarget)
    {
        var target = redirectTarget.Replace('\\', '/').ToLowerInvariant();
        return !(target.StartsWith('/') || target.StartsWith('~') || target.Contains("..", StringComparison.Ordinal))
            && Array.Exists(FixtureDirectories, d => target.StartsWith(d, StringComparison.Ordinal) || target.Contains("/" + d, StringComparison.Ordinal))
            && Array.Exists(FixtureExtensions, e => target.EndsWith(e, StringComparison.Ordinal));
    }

    private static readonly string[] FixtureExtensions = [".txt", ".md", ".json", ".jsonl", ".yaml", ".yml", ".csv", ".snap", ".golden", ".expected", ".out", ".html", ".xml"];

    private static string MaskPositions(string text, bool searchPatternsOnly)
    {
        if (text.Length > ShellTokenizer.MaxLength)
        {
            return text;
        }

        // Several inspectors ask this of the same command line in one message: parse and mask it once.
        var function = searchPatternsOnly ? TextMemoSearchPatterns : TextMemoMask;
        if (TextMemo.TryGet(text, function, out var kept))
        {
            return kept;
        }

        var result = MaskPositionsOnce(text, searchPatternsOnly);
        TextMemo.Set(text, function, result);
        return result;
    }

    private const int TextMemoMask = 1;
    private const int TextMemoSearchPatterns = 2;

    private static string MaskPositionsOnce(string text, bool searchPatternsOnly)
    {
        var script = ShellTokenizer.Parse(text);
        char[]? masked = null;
        foreach (var pipeline in script.Pipelines)
        {
            for (var c = 0; c < pipeline.Commands.Count; c++)
            {
                var command = pipeline.Commands[c];

                // An echo or printf feeding an interpreter is the interpreter's code; so is a here-document (python3 - <<EOF, cat <<EOF | sh).
                var executed = c + 1 < pipeline.Commands.Count && ReadsStdinAt(pipeline.Commands[c + 1]);
                MaskCommand(text, command, executed, searchPatternsOnly, ref masked);
                if (!executed && !searchPatternsOnly && !ReadsStdinAt(command))
                {
                    // A here-document written to a file, a commit message (git commit -F-) or a fixture is data.
                    foreach (var heredoc in command.Heredocs)
                    {
                        Blank(text, (heredoc.Start, heredoc.End), ref masked, heredoc: true);
                    }
                }
            }
        }

        return masked is null ? text : new string(masked);
    }

    private static bool ReadsStdinAt(ShellCommand command)
    {
        var k = FindCommand(command.Words, out _);
        return k < command.Words.Count && (ReadsStdin(command.Words, k) || NameOf(command.Words[k]) is "xargs" or "eval" or "source" or "."
            || DatabaseClients.Contains(NameOf(command.Words[k])));
    }

    private static void MaskCommand(string text, ShellCommand command, bool executed, bool searchPatternsOnly, ref char[]? masked)
    {
        var words = command.Words;
        if (command.WordSpans.Count != words.Count)
        {
            return;
        }

        var k = FindCommand(words, out _);
        if (searchPatternsOnly)
        {
            if (k < words.Count && !executed && ShellSearchArguments.IsSearch(words, k, NameOf(words[k])))
            {
                BlankPatterns(text, command, k, NameOf(words[k]), ref masked);
            }

            return;
        }

        // Assignment values before the command (or on their own): NODE_OPTIONS='--max-old-space-size=4096' npm run build.
        for (var i = 0; i < Math.Min(k, words.Count); i++)
        {
            if (IsAssignment(words[i]))
            {
                BlankAfter(text, command.WordSpans[i], '=', ref masked);
            }
        }

        if (k >= words.Count)
        {
            return;
        }

        var name = NameOf(words[k]);
        if (name is "echo" or "printf" || MessageOnlyPrograms.Contains(name))
        {
            if (!executed)
            {
                for (var i = k + 1; i < words.Count; i++)
                {
                    Blank(text, command.WordSpans[i], ref masked);
                }
            }

            return;
        }

        if (ShellSearchArguments.IsSearch(words, k, name))
        {
            BlankPatterns(text, command, k, name, ref masked);
            return;
        }

        if (name is "sed" or "gsed" && !words.Skip(k + 1).Any(static w => w.StartsWith("-i", StringComparison.Ordinal) || w.StartsWith("--in-place", StringComparison.Ordinal)))
        {
            // sed -n '/xp_cmdshell/p' audit.log: an address or a substitution printed to the terminal is text to find. In place (-i), what it writes
            // lands in a file that may run (sed -i 's/^exit 0/curl … | sh/' /etc/rc.local), so it stays code. A script that runs a command (the e
            // command or flag) or writes a file (w) stays code too.
            for (var i = k + 1; i < words.Count; i++)
            {
                if (words[i] is "-e" or "--expression" && i + 1 < words.Count)
                {
                    i++;
                }
                else if (words[i].StartsWith('-'))
                {
                    continue;
                }

                if (SedScriptIsData(words[i]))
                {
                    Blank(text, command.WordSpans[i], ref masked);
                }

                break;
            }

            return;
        }

        // Metadata setters store key=value text: npm pkg set description='…', kubectl annotate|label deploy/x note='…'.
        var setter = name is "npm" or "pnpm" or "yarn" && words.Skip(k + 1).Take(2).SequenceEqual(["pkg", "set"])
            || name == "kubectl" && words.Skip(k + 1).FirstOrDefault() is "annotate" or "label";
        var git = name == "git";
        var forge = ForgePrograms.Contains(name);
        var gitLog = git && words.Skip(k + 1).FirstOrDefault(static w => !w.StartsWith('-')) is "log" or "shortlog" or "whatchanged";
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var eq = w.IndexOf('=');
            var option = eq > 0 && w.StartsWith("--", StringComparison.Ordinal) ? w[..eq] : w;
            // ... except package.json's scripts, which npm runs: npm pkg set scripts.postinstall='curl … | sh'.
            if (setter && !w.StartsWith('-') && eq > 0 && !w.StartsWith("scripts.", StringComparison.Ordinal))
            {
                BlankAfter(text, command.WordSpans[i], '=', ref masked);
                continue;
            }

            if (ProseOptions.Contains(option) || StoredValueOptions.Contains(option))
            {
                if (eq > 0 && option != w)
                {
                    BlankAfter(text, command.WordSpans[i], '=', ref masked);
                }
                else if (i + 1 < words.Count)
                {
                    Blank(text, command.WordSpans[++i], ref masked);
                }

                continue;
            }

            if (gitLog && (option is "--grep" or "--author" or "--committer" || w.Length > 2 && w[0] == '-' && w[1] is 'S' or 'G'))
            {
                // git log --grep='169.254.169.254', -S'/etc/shadow', -G regex: what history is searched for.
                if (eq > 0 && option != w)
                {
                    BlankAfter(text, command.WordSpans[i], '=', ref masked);
                }
                else if (w.Length > 2 && w[1] is 'S' or 'G')
                {
                    Blank(text, (command.WordSpans[i].Start + 2, command.WordSpans[i].End), ref masked);
                }
                else if (i + 1 < words.Count)
                {
                    Blank(text, command.WordSpans[++i], ref masked);
                }

                continue;
            }

            if (gitLog && w is "-S" or "-G" || forge && (w is "-t" or "-b" or "-n" or "-s" || w == "-d" && name is "glab" or "lab")
                || w == "-m" && MessagePrograms.Contains(name))
            {
                // gh pr create -t 'title' -b 'body', glab mr create -d 'description', jira issue create -s 'summary', git commit -m.
                if (i + 1 < words.Count)
                {
                    Blank(text, command.WordSpans[++i], ref masked);
                }
            }
        }
    }

    /// <summary>
    /// Indices of the words that are the values of prose options (<c>gh pr create --body '…'</c>, <c>git commit -m '…'</c>, <c>--title=…</c>):
    /// text for people, never opened or run, so word checks (a <c>/dev/tcp/</c> socket, a history switch) skip them. Null when there are none.
    /// </summary>
    public static HashSet<int>? ProseValueIndices(List<string> words, int k)
    {
        if (k >= words.Count)
        {
            return null;
        }

        var name = NameOf(words[k]);
        var forge = ForgePrograms.Contains(name);
        HashSet<int>? found = null;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var eq = w.IndexOf('=');
            var option = eq > 0 && w.StartsWith("--", StringComparison.Ordinal) ? w[..eq] : w;
            if (ProseOptions.Contains(option))
            {
                (found ??= []).Add(option != w ? i : ++i);
            }
            else if (forge && (w is "-t" or "-b" or "-n" or "-s" || w == "-d" && name is "glab" or "lab") || w == "-m" && MessagePrograms.Contains(name))
            {
                (found ??= []).Add(++i);
            }
        }

        return found;
    }

    /// <summary>
    /// True for a sed script that only selects and prints, deletes or substitutes: addresses (<c>12</c>, <c>$</c>, <c>/re/</c>, ranges) followed by
    /// <c>p</c>, <c>d</c>, <c>=</c>, <c>l</c>, <c>q</c>, <c>n</c>, or one <c>s/re/text/flags</c> whose flags neither execute (e) nor write (w).
    /// </summary>
    internal static bool SedScriptIsData(string script)
    {
        var s = script.AsSpan().Trim();
        if (s.Length == 0 || s.Length > 1024 || s.Contains('\n'))
        {
            return false;
        }

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/')
            {
                var close = i + 1;
                while (close < s.Length && s[close] != '/')
                {
                    close += s[close] == '\\' ? 2 : 1;
                }

                i = close + 1;
            }
            else if (char.IsAsciiDigit(c) || c is '$' or ',' or '!' or ' ' or '~' or '+')
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        var rest = s[i..];
        if (rest[0] == 's' && rest.Length > 3 && !char.IsAsciiLetterOrDigit(rest[1]) && rest[1] is not (' ' or '\\'))
        {
            var delimiter = rest[1];
            var parts = 0;
            var j = 2;
            for (; j < rest.Length && parts < 2; j++)
            {
                if (rest[j] == '\\')
                {
                    j++;
                }
                else if (rest[j] == delimiter)
                {
                    parts++;
                }
            }

            return parts == 2 && rest[j..].TrimEnd(';').ToString().All(static f => f is 'g' or 'i' or 'I' or 'p' or 'm' or 'M' || char.IsAsciiDigit(f));
        }

        return rest.TrimEnd(';').Length > 0 && rest.TrimEnd(';').ToString().All(static c => c is 'p' or 'd' or '=' or 'l' or 'q' or 'n' or 'P' or 'D' or ';' or ' ');
    }

    /// <summary>grep/rg/git grep: the pattern is data; what the search reads is judged as a path elsewhere.</summary>
    private static void BlankPatterns(string text, ShellCommand command, int k, string name, ref char[]? masked)
    {
        foreach (var word in ShellSearchArguments.Classify(command.Words, k, name))
        {
            if (word.Role == SearchRole.Pattern)
            {
                Blank(text, command.WordSpans[word.Index], ref masked);
            }
        }
    }

    private static void Blank(string text, (int Start, int End) span, ref char[]? masked, bool heredoc = false)
    {
        // A command substitution in a data word still runs ("--body \"$(cat ~/.aws/credentials)\""): only single quotes make it text.
        var end = Math.Min(span.End, text.Length);
        if (!heredoc && span.Start < end && text[span.Start] != '\'' && text.AsSpan(span.Start, end - span.Start) is var raw
            && (raw.Contains("$(", StringComparison.Ordinal) || raw.Contains('`')))
        {
            return;
        }

        masked ??= text.ToCharArray();
        for (var i = span.Start; i < span.End && i < masked.Length; i++)
        {
            masked[i] = ' ';
        }
    }

    private static void BlankAfter(string text, (int Start, int End) span, char separator, ref char[]? masked)
    {
        var at = text.IndexOf(separator, span.Start, Math.Max(0, Math.Min(span.End, text.Length) - span.Start));
        if (at >= 0)
        {
            Blank(text, (at + 1, span.End), ref masked);
        }
    }
}

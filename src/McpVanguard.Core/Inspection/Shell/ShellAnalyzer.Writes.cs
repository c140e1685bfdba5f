using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Files written by a program's own output option or by interpreter code, judged like a redirection: <c>curl -o ~/.ssh/authorized_keys</c>,
/// <c>wget -O ~/.bashrc</c>, <c>git log --output=…</c>, <c>find -fprintf …</c>, <c>Set-Content -Path …</c>, <c>open(p, 'a')</c>,
/// <c>fs.appendFileSync(…)</c>. Writing a start-up file, a cron table, a hook or authorized_keys is persistence wherever the write is spelled.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Longest argument expression read after a write call; a path expression is short.</summary>
    private const int MaxWriteArgument = 512;

    /// <summary>Most write calls judged in one piece of code.</summary>
    private const int MaxWriteCalls = 32;

    /// <summary>Calls whose first argument is the file they write, in Python, Node, Deno, Bun, Ruby, PHP, Perl and Java/.NET.</summary>
    private static readonly string[] WriteCalls =
    [
        "appendfilesync(", "writefilesync(", "appendfile(", "writefile(", "createwritestream(", "outputfilesync(", "outputfile(",
        "deno.writetextfile(", "deno.writetextfilesync(", "deno.writefile(", "bun.write(", "file_put_contents(", "file.write(",
        "file.binwrite(", "io.write(", "writealltext(", "appendalltext(", "writealllines(", "appendalllines(", "files.write(",
        "files.writestring(", "write_text(", "write_bytes(",
    ];

    /// <summary>Calls that open a file whose mode decides whether it is written: <c>open(p, 'a')</c>, <c>fopen(p, "w")</c>, <c>File.open(p, 'a')</c>.</summary>
    private static readonly string[] OpenCalls = ["open(", "fopen(", "io.open(", "codecs.open("];

    /// <summary>PowerShell cmdlets (and aliases) that write the file named by <c>-Path</c>/<c>-FilePath</c>/<c>-LiteralPath</c> or their first operand.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> WritingCmdlets = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "set-content", "add-content", "out-file", "sc", "ac", "new-item", "ni", "copy-item", "cpi", "move-item", "mi", "export-csv", "tee-object");

    /// <summary>Output options of everyday programs: the file named is written (curl, wget, git's log family, find's -fprint, sort, aria2c).</summary>
    private void CheckOutputOptions(List<string> words, int k, string name)
    {
        if (WritingCmdlets.Contains(name))
        {
            CheckCmdletWrite(words, k, name);
            return;
        }

        foreach (var target in ShellOutputOptions.Targets(words, k, name))
        {
            CheckWriteTarget(target, truncates: false);
        }
    }

    private static string? Next(List<string> words, int i) => i + 1 < words.Count ? words[i + 1] : null;

    /// <summary><c>Set-Content -Path ~/.bashrc -Value …</c>, <c>Add-Content $PROFILE …</c>, <c>Copy-Item x -Destination …</c>.</summary>
    private void CheckCmdletWrite(List<string> words, int k, string name)
    {
        var copy = name is "copy-item" or "cpi" or "move-item" or "mi";
        var operands = 0;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-'))
            {
                var option = w.ToLowerInvariant();
                if (copy ? option is "-destination" : option is "-path" or "-filepath" or "-literalpath" or "-pspath")
                {
                    if (Next(words, i) is { } target)
                    {
                        CheckWriteTarget(target, truncates: false);
                    }

                    i++;
                }
                else if (option is "-value" or "-encoding" or "-itemtype" or "-name" or "-inputobject" or "-delimiter" or "-width")
                {
                    i++; // an option with a value: the value is not an operand
                }

                continue;
            }

            // The first positional operand is the path (the second for a copy: its destination).
            operands++;
            if (operands == (copy ? 2 : 1))
            {
                CheckWriteTarget(w, truncates: false);
            }
        }
    }

    /// <summary>Extensions of files an interpreter or a web server runs: what is written there is code.</summary>
    private static readonly string[] ScriptExtensions =
        [".php", ".phtml", ".php5", ".jsp", ".jspx", ".asp", ".aspx", ".ashx", ".cgi", ".py", ".pl", ".rb", ".js", ".mjs", ".cjs", ".ps1", ".lua", ".sh", ".bash", ".zsh"];

    /// <summary>
    /// Code written by <c>echo</c>/<c>printf</c> into a script or a web page (<c>printf 'import os' 'os.system(…)' &gt; /tmp/x.py</c>,
    /// <c>echo '&lt;?php system($_GET[…]); ?&gt;' &gt; /var/www/html/i.php</c>) is judged as the code it is: it runs when the file does.
    /// </summary>
    private void CheckScriptWrite(ShellCommand command, int k, int nesting)
    {
        var name = k < command.Words.Count ? NameOf(command.Words[k]) : string.Empty;
        if (name is not ("echo" or "printf" or "cat" or "tee") || command.Redirects.Count == 0 && name != "tee")
        {
            return;
        }

        var targets = command.Redirects.Where(static r => r.Writes && r.Operator != ">&").Select(static r => r.Target.ToLowerInvariant());
        if (name == "tee")
        {
            targets = targets.Concat(command.Words.Skip(k + 1).Where(static w => !w.StartsWith('-')).Select(static w => w.ToLowerInvariant()));
        }

        foreach (var target in targets)
        {
            var build = IsBuildFile(target);
            if (!build && !Array.Exists(ScriptExtensions, e => target.EndsWith(e, StringComparison.Ordinal)))
            {
                continue;
            }

            string text;
            if (name is "cat" or "tee")
            {
                // A here-document written into a script or a CI file: "cat >> .gitlab-ci.yml <<'EOF' … EOF".
                if (command.Heredocs.Count == 0)
                {
                    return;
                }

                text = command.Heredocs[0].Body;
            }
            else
            {
                var words = command.Words.Skip(k + 1).Where(static w => !w.StartsWith('-')).ToList();
                if (name == "printf" && words.Count > 1 && words[0].Contains('%'))
                {
                    words.RemoveAt(0); // the format; printf '%s\n' a b writes the operands one per line
                }

                text = string.Join('\n', words);
            }

            // A CI workflow or build file runs its steps as shell commands; a script runs as its interpreter's code.
            if (build || target.EndsWith(".sh", StringComparison.Ordinal) || target.EndsWith(".bash", StringComparison.Ordinal) || target.EndsWith(".zsh", StringComparison.Ordinal))
            {
                AnalyzeText(text, nesting + 1);
            }
            else
            {
                AnalyzeCode(text, nesting + 1);
            }

            return;
        }
    }

    /// <summary>
    /// Files interpreter code writes: the first argument of a write call, or of an <c>open</c> whose mode writes or appends. A name bound
    /// earlier (<c>p = os.path.expanduser('~/.bashrc')</c>) is followed once; the home directory's spellings count as <c>~</c>.
    /// </summary>
    /// <param name="lower">The code lower-cased (the caller has it already); call names are matched in it, paths read from <paramref name="code"/>.</param>
    private void CheckCodeWrites(string code, string lower)
    {
        var calls = 0;
        foreach (var call in WriteCalls)
        {
            for (var at = lower.IndexOf(call, StringComparison.Ordinal); at >= 0 && calls < MaxWriteCalls; at = lower.IndexOf(call, at + call.Length, StringComparison.Ordinal))
            {
                calls++;
                var argument = call is "write_text(" or "write_bytes(" ? ReceiverOf(code, at) : FirstArgument(code, at + call.Length, out _);
                JudgeWrittenExpression(code, argument);
            }
        }

        foreach (var call in OpenCalls)
        {
            for (var at = lower.IndexOf(call, StringComparison.Ordinal); at >= 0 && calls < MaxWriteCalls; at = lower.IndexOf(call, at + call.Length, StringComparison.Ordinal))
            {
                if (at > 0 && (char.IsAsciiLetterOrDigit(lower[at - 1]) || lower[at - 1] == '_') && call == "open(")
                {
                    continue; // popen(, urlopen(, fdopen(: not a file opened by name
                }

                calls++;
                var first = FirstArgument(code, at + call.Length, out var rest);
                if (WritesMode(rest))
                {
                    JudgeWrittenExpression(code, first);
                }
                else if (PerlWriteOpen(first, rest) is { } perlTarget)
                {
                    JudgeWrittenExpression(code, perlTarget);
                }
            }
        }
    }

    /// <summary>True when the arguments after the file name open it for writing or appending: <c>'a'</c>, <c>"w+"</c>, <c>mode='ab'</c>, <c>'a', encoding=…</c>.</summary>
    private static bool WritesMode(string rest)
    {
        var r = rest.TrimStart(',', ' ');
        if (r.StartsWith("mode", StringComparison.OrdinalIgnoreCase))
        {
            r = r.AsSpan(4).TrimStart(" =").ToString();
        }

        if (r.Length < 3 || r[0] is not ('\'' or '"'))
        {
            return false;
        }

        var close = r.IndexOf(r[0], 1);
        var mode = close > 1 ? r[1..close] : string.Empty;
        return mode.Length <= 4 && mode.AsSpan().IndexOfAny("wax+") >= 0;
    }

    /// <summary>Perl's <c>open(F, '&gt;&gt;', $p)</c> and <c>open(F, "&gt;&gt;$p")</c>: the target after a write mode.</summary>
    private static string? PerlWriteOpen(string first, string rest)
    {
        var r = rest.TrimStart(',', ' ');
        if (r.Length < 3 || r[0] is not ('\'' or '"'))
        {
            return null;
        }

        var close = r.IndexOf(r[0], 1);
        if (close < 0)
        {
            return null;
        }

        var literal = r[1..close].Trim();
        if (literal is ">" or ">>" or "+>" or "+>>")
        {
            return r[(close + 1)..].TrimStart(',', ' ');
        }

        return literal.StartsWith('>') && first.Length > 0 ? "'" + literal.TrimStart('>', '+', ' ') + "'" : null;
    }

    /// <summary>Judges the file named by an argument expression: its literals joined, with home-directory calls read as <c>~</c>.</summary>
    private void JudgeWrittenExpression(string code, string expression)
    {
        if (expression.Length == 0)
        {
            return;
        }

        // A bare name is followed to its last assignment before use: p = '/home/u/.bashrc'; open(p, 'a').
        if (IsIdentifier(expression) && BoundExpression(code, expression.TrimStart('$')) is { } bound)
        {
            expression = bound;
        }

        foreach (var literal in InterpreterLiterals.Extract(HomeDirectoryCalls.AsLiterals(expression, includeVariables: true)))
        {
            if (literal.Length is > 1 and <= 4096 && (literal.Contains('/') || literal.Contains('\\') || literal[0] == '~'))
            {
                CheckWriteTarget(literal, truncates: false);
            }
        }
    }

    private static bool IsIdentifier(string s)
    {
        var t = s.TrimStart('$');
        if (t.Length is 0 or > 64 || !(char.IsAsciiLetter(t[0]) || t[0] == '_'))
        {
            return false;
        }

        foreach (var c in t)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The expression last assigned to <paramref name="name"/> (<c>name = …</c>, <c>const name = …</c>, <c>$name = …</c>), up to the end of its statement.</summary>
    private static string? BoundExpression(string code, string name)
    {
        string? found = null;
        for (var at = code.IndexOf(name, StringComparison.Ordinal); at >= 0; at = code.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            var before = at > 0 ? code[at - 1] : ' ';
            var after = at + name.Length;
            if (char.IsAsciiLetterOrDigit(before) || before == '_')
            {
                continue;
            }

            var j = after;
            while (j < code.Length && code[j] == ' ')
            {
                j++;
            }

            if (j < code.Length && code[j] == '=' && (j + 1 >= code.Length || code[j + 1] != '='))
            {
                var end = code.IndexOfAny([';', '\n'], j + 1);
                var value = (end < 0 ? code[(j + 1)..] : code[(j + 1)..end]).Trim();
                found = value.Length <= MaxWriteArgument ? value : null;
            }
        }

        return found;
    }

    /// <summary>The receiver of a method call at <paramref name="at"/>: <c>Path('~/.bashrc').write_text(…)</c> gives <c>Path('~/.bashrc')</c>.</summary>
    private static string ReceiverOf(string code, int at)
    {
        var start = Math.Max(0, at - MaxWriteArgument);
        var segment = code[start..at].TrimEnd('.');
        var line = segment.LastIndexOfAny(['\n', ';', '=']);
        return line < 0 ? segment : segment[(line + 1)..];
    }

    /// <summary>The first argument of a call whose arguments start at <paramref name="from"/> (to the first comma or ')' at depth 0), and what follows it.</summary>
    internal static string FirstArgument(string code, int from, out string rest)
    {
        var depth = 0;
        var limit = Math.Min(code.Length, from + MaxWriteArgument);
        for (var i = from; i < limit; i++)
        {
            var c = code[i];
            if (c is '\'' or '"' or '`')
            {
                var close = code.IndexOf(c, i + 1);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    rest = string.Empty;
                    return code[from..i].Trim();
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                rest = code[i..Math.Min(code.Length, i + 64)];
                return code[from..i].Trim();
            }
        }

        rest = string.Empty;
        return code[from..limit].Trim();
    }
}

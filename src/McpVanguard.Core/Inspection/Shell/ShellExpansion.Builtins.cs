using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The builtins that assign without an <c>=</c> word (<c>printf -v X fmt …</c>, <c>read X &lt;&lt;&lt; value</c>) and field splitting of
/// an unquoted expansion in command position (<c>IFS=,; x=cat,/etc/shadow; $x</c>, <c>"${cmd[@]}"</c>): both decide what the shell runs.
/// </summary>
internal sealed partial class ShellExpansion
{
    /// <summary>Records what <c>printf -v</c> and <c>read</c> assign; the command's words are already substituted.</summary>
    public void RecordBuiltin(ShellCommand command)
    {
        var words = command.Words;
        var k = FindCommand(words, out _);
        if (k >= words.Count)
        {
            return;
        }

        // PowerShell: "$k = $env:USERPROFILE'/.aws/credentials'" (its concatenations already folded), "Set-Variable -Name k -Value …".
        if (words.Count >= 3 && words[1] == "=" && words[0].Length > 1 && words[0][0] == '$' && IsName(words[0][1..]))
        {
            Set(words[0][1..], string.Join(' ', words.Skip(2)));
            return;
        }

        var name = NameOf(words[k]);
        if (name is "set-variable" or "sv" or "new-variable" or "nv")
        {
            var operands = words.Skip(k + 1).Where(static w => !w.StartsWith('-')).ToList();
            if (operands.Count >= 2 && IsName(operands[0].TrimStart('$')))
            {
                Set(operands[0].TrimStart('$'), operands[1]);
            }

            return;
        }

        if (name is "echo" or "printf" && command.Redirects.Count > 0)
        {
            RecordWrittenFile(command, words, k);
        }

        switch (name)
        {
            case "set":
                RecordSet(words, k);
                return;
            case "for" or "select":
                RecordFor(words, k);
                return;
            case "mapfile" or "readarray":
                RecordMapfile(command, words, k);
                return;
            case "printf":
                var v = words.IndexOf("-v", k + 1);
                if (v > 0 && v + 2 < words.Count && IsName(words[v + 1]))
                {
                    var operands = words.GetRange(v + 2, words.Count - v - 2);
                    var text = operands.Count > 1 && operands[0].Contains('%') ? Format(operands) : operands[0];
                    Set(words[v + 1], ShellPayloadDecoder.TryUnescape(text, out var unescaped) ? unescaped : text);
                }

                return;
            case "read":
                Read(command, words, k);
                return;
        }
    }

    /// <summary><c>read [-r] [-a arr] a b &lt;&lt;&lt; value</c>: fields split by IFS, the last name takes the rest.</summary>
    private void Read(ShellCommand command, List<string> words, int k)
    {
        var here = command.Redirects.FindIndex(static r => r.Operator == "<<<");
        if (here < 0)
        {
            return;
        }

        var input = command.Redirects[here].Target;

        var names = new List<string>();
        for (var i = k + 1; i < words.Count; i++)
        {
            if (words[i] is "-d" or "-p" or "-n" or "-N" or "-t" or "-u" or "-i")
            {
                i++; // the option's value
            }
            else if (words[i] == "-a" && i + 1 < words.Count)
            {
                AssignArray(words[++i], input);
                return;
            }
            else if (!words[i].StartsWith('-') && IsName(words[i]))
            {
                names.Add(words[i]);
            }
        }

        var value = Substitute(input);
        var separators = FieldSeparators();
        for (var n = 0; n < names.Count; n++)
        {
            if (n == names.Count - 1)
            {
                Set(names[n], value.Trim());
                break;
            }

            var at = value.AsSpan().IndexOfAny(separators);
            Set(names[n], at < 0 ? value : value[..at]);
            value = at < 0 ? string.Empty : value[(at + 1)..];
        }
    }

    /// <summary>
    /// Splits words that are one unquoted expansion into the fields the shell makes of them: an array's <c>[@]</c> anywhere, and any
    /// variable in command position (<c>$x</c> with <c>x="cat /etc/shadow"</c> or a custom IFS). Other words are only substituted.
    /// </summary>
    public void SubstituteWords(List<string> words)
    {
        var command = 0;
        while (command < words.Count && IsAssignment(words[command]))
        {
            command++;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!w.Contains('$') && !w.Contains('`') && !(_variables is not null && (w.Contains('%') || w.Contains('!'))))
            {
                continue; // cmd's %NAME% and !NAME! only matter once the line has set a variable
            }

            var value = Substitute(w);
            var whole = IsWholeReference(w, out var arrayAll);
            if (whole && (arrayAll || i == command) && value != w && words.Count < 256)
            {
                var fields = value.Split(FieldSeparators(), StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 1)
                {
                    words.RemoveAt(i);
                    words.InsertRange(i, fields);
                    i += fields.Length - 1;
                    continue;
                }
            }

            words[i] = value;
        }
    }

    /// <summary>
    /// Substitutes the targets of redirections as the shell does before it opens them: <c>f=~/.ssh/authorized_keys; echo … &gt;&gt; $f</c>,
    /// <c>&gt; "$(printf '%s' /root/.ssh/ authorized_keys)"</c>. A target naming nothing to expand is left alone, at no cost.
    /// </summary>
    public void SubstituteRedirects(ShellCommand command)
    {
        var redirects = command.Redirects;
        for (var i = 0; i < redirects.Count; i++)
        {
            var target = redirects[i].Target;
            if (target.Contains('$') || target.Contains('`'))
            {
                redirects[i] = redirects[i] with { Target = Substitute(target) };
            }
        }
    }

    /// <summary>The characters fields are split on: IFS when the line set it, else blank, tab and newline.</summary>
    private char[] FieldSeparators() =>
        _variables is not null && _variables.TryGetValue("IFS", out var ifs) && ifs.Length > 0 && !ifs.StartsWith('$') ? [.. ifs.Distinct()] : [' ', '\t', '\n'];

    /// <summary>True for <c>$x</c>, <c>${x}</c>, <c>${x[@]}</c>, <c>${x[*]}</c>, <c>${x[n]}</c>.</summary>
    private static bool IsWholeReference(string w, out bool arrayAll)
    {
        arrayAll = w.EndsWith("[@]}", StringComparison.Ordinal) || w.EndsWith("[*]}", StringComparison.Ordinal);
        if (w.Length < 2 || w[0] != '$')
        {
            return false;
        }

        var body = w[1] == '{' && w[^1] == '}' ? w[2..^1] : w[1..];
        var bracket = body.IndexOf('[');
        var name = bracket > 0 && body[^1] == ']' ? body[..bracket] : body;
        return IsName(name);
    }

    private static bool IsName(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void Set(string name, string value)
    {
        _variables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_variables.Count < MaxVariables || _variables.ContainsKey(name))
        {
            _variables[name] = value;
        }
    }
}

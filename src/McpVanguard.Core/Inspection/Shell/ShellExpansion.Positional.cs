using System.Text;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The assignments a shell makes without a <c>NAME=value</c> word, and the expansions that read them: positional parameters
/// (<c>set -- /etc shadow</c>, <c>"$1/$2"</c>, <c>"$*"</c> joined by IFS), fish's <c>set NAME value</c>, cmd's <c>set NAME=value</c>
/// read as <c>%NAME%</c>, <c>%NAME:~a,b%</c> or <c>!NAME!</c>, a <c>for</c> loop's variable (every value it takes), <c>mapfile</c>,
/// a file written by <c>echo … &gt; f</c> and read back by <c>$(&lt; f)</c>, zsh's join flag <c>${(j::)a}</c>, and brace sequences
/// <c>{a..c}</c>. Bounded like the rest of the expansion (the variable table, 32 words, 8 remembered files).
/// </summary>
internal sealed partial class ShellExpansion
{
    /// <summary>Most positional parameters remembered.</summary>
    private const int MaxPositional = 9;

    /// <summary>Most files remembered with what an <c>echo</c> or <c>printf</c> wrote into them.</summary>
    private const int MaxWrittenFiles = 8;

    private Dictionary<string, string>? _files;

    /// <summary><c>set</c>: bash's positional parameters, fish's <c>set [-gx] NAME values…</c> and cmd's <c>set NAME=value</c>.</summary>
    private void RecordSet(List<string> words, int k)
    {
        var i = k + 1;
        var dashDash = false;
        while (i < words.Count && words[i].Length > 1 && words[i][0] is '-' or '+' or '/')
        {
            if (words[i] == "--")
            {
                dashDash = true;
                i++;
                break;
            }

            if (words[i][0] == '/')
            {
                return; // cmd's set /a (arithmetic) and set /p (a prompt): no literal value
            }

            i++;
        }

        if (i >= words.Count)
        {
            return;
        }

        var eq = words[i].IndexOf('=');
        if (!dashDash && eq > 0 && IsName(words[i][..eq]))
        {
            Set(words[i][..eq], string.Join(' ', words.Skip(i)).Substring(eq + 1)); // cmd: the value runs to the end of the command
            return;
        }

        if (!dashDash && i + 1 < words.Count && IsName(words[i]))
        {
            Set(words[i], string.Join(' ', words.Skip(i + 1))); // fish: set p /etc/shadow
        }

        // bash and sh: every operand is a positional parameter ($1, $2, …, "$*").
        var n = 0;
        for (; i < words.Count && n < MaxPositional; i++)
        {
            Set((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), words[i]);
        }

        Set("#", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The positional parameters joined: by IFS's first character for <c>$*</c>, by a blank for <c>$@</c>; null when none were set.</summary>
    private string? Positionals(char which)
    {
        if (_variables is null || !_variables.TryGetValue("#", out var count) || !int.TryParse(count, out var n))
        {
            return null;
        }

        var separator = which == '*' && _variables.TryGetValue("IFS", out var ifs) ? ifs.Length > 0 ? ifs[..1] : string.Empty : " ";
        var parts = new List<string>(n);
        for (var p = 1; p <= n; p++)
        {
            parts.Add(_variables.TryGetValue(p.ToString(System.Globalization.CultureInfo.InvariantCulture), out var v) ? v : string.Empty);
        }

        return string.Join(separator, parts);
    }

    /// <summary>
    /// <c>for NAME in a b c</c> (and <c>select</c>): the variable takes every value, read as the brace list <c>{a,b,c}</c> so a path built
    /// from it names each file the loop reads (<c>for f in passwd shadow; do cat /etc/$f; done</c>).
    /// </summary>
    private void RecordFor(List<string> words, int k)
    {
        if (k + 2 >= words.Count || !IsName(words[k + 1]) || words[k + 2] != "in")
        {
            return;
        }

        var values = new List<string>();
        for (var i = k + 3; i < words.Count && values.Count < MaxBraceWords; i++)
        {
            if (words[i].AsSpan().IndexOfAny(",{}") >= 0)
            {
                continue; // a value with brace syntax of its own would be misread as a list
            }

            values.Add(words[i]);
        }

        if (values.Count > 0)
        {
            Set(words[k + 1], values.Count == 1 ? values[0] : "{" + string.Join(',', values) + "}");
        }
    }

    /// <summary><c>mapfile -t NAME</c> / <c>readarray</c> from a here-string or a process substitution that prints a literal: one element per line.</summary>
    private void RecordMapfile(ShellCommand command, List<string> words, int k)
    {
        string? name = null;
        for (var i = k + 1; i < words.Count; i++)
        {
            if (words[i] is "-d" or "-n" or "-O" or "-s" or "-u" or "-C" or "-c")
            {
                i++;
            }
            else if (!words[i].StartsWith('-') && IsName(words[i]))
            {
                name = words[i];
            }
        }

        string? input = null;
        foreach (var r in command.Redirects)
        {
            if (r.Operator == "<<<")
            {
                input = Substitute(r.Target);
            }
            else if (r.Operator == "<" && r.Target.StartsWith("<(", StringComparison.Ordinal) && r.Target.EndsWith(')'))
            {
                input = Decoded(Substitute(r.Target[2..^1]));
            }
        }

        if (input is not null)
        {
            AssignArray(name ?? "MAPFILE", input.Replace("\r", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>What <c>echo</c> or <c>printf</c> writes into a file with <c>&gt;</c>, kept so that <c>$(&lt; file)</c> and <c>$(cat file)</c> read it back.</summary>
    private void RecordWrittenFile(ShellCommand command, List<string> words, int k)
    {
        var at = command.Redirects.FindIndex(static r => r.Operator is ">" or ">|" or "1>");
        if (at < 0 || command.Redirects[at].Target.Length == 0 || Decoded(string.Join(' ', words.Skip(k).Select(Quote))) is not { } text)
        {
            return;
        }

        var target = command.Redirects[at];

        _files ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_files.Count < MaxWrittenFiles || _files.ContainsKey(target.Target))
        {
            _files[target.Target] = text.TrimEnd('\n');
        }

        static string Quote(string w) => "'" + w.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>What <c>$(&lt; file)</c> or <c>$(cat file)</c> prints when the line wrote that file itself; null otherwise.</summary>
    private string? ReadBack(ShellCommand command)
    {
        if (_files is null)
        {
            return null;
        }

        var words = command.Words;
        var k = FindCommand(words, out _);
        if (k >= words.Count)
        {
            var input = command.Redirects.FindIndex(static r => r.Operator == "<");
            return input >= 0 && _files.TryGetValue(command.Redirects[input].Target, out var read) ? read : null;
        }

        return NameOf(words[k]) is "cat" or "head" or "tail" && k + 1 < words.Count && _files.TryGetValue(words[^1], out var text) ? text : null;
    }

    /// <summary>zsh's parameter flags before the name: <c>${(j::)a}</c> joins an array, <c>(L)</c>/<c>(U)</c> change case; null for other forms.</summary>
    private string? ZshFlags(string inner)
    {
        var close = inner.IndexOf(')');
        if (close < 2 || close + 1 >= inner.Length)
        {
            return null;
        }

        var flags = inner[1..close];
        var name = inner[(close + 1)..];
        if (!IsName(name))
        {
            return null;
        }

        string? separator = null;
        var upper = false;
        var lower = false;
        for (var i = 0; i < flags.Length; i++)
        {
            var f = flags[i];
            if (f is 'j' or 's' && i + 1 < flags.Length)
            {
                var delimiter = flags[i + 1] is '(' ? ')' : flags[i + 1] is '{' ? '}' : flags[i + 1] is '[' ? ']' : flags[i + 1];
                var end = flags.IndexOf(delimiter, i + 2);
                if (end < 0)
                {
                    return null;
                }

                if (f == 'j')
                {
                    separator = flags[(i + 2)..end];
                }

                i = end;
            }
            else
            {
                upper |= f == 'U';
                lower |= f == 'L';
            }
        }

        string? value;
        if (separator is not null && _variables is not null && _variables.ContainsKey(name + "[0]"))
        {
            var parts = new List<string>();
            for (var e = 0; e < MaxArrayElements && _variables.TryGetValue($"{name}[{e}]", out var element); e++)
            {
                parts.Add(element);
            }

            value = string.Join(separator, parts);
        }
        else
        {
            value = Lookup(name);
        }

        return value is null ? null : upper ? value.ToUpperInvariant() : lower ? value.ToLowerInvariant() : value;
    }

    /// <summary>A brace sequence <c>{a..e}</c>, <c>{1..9}</c>, <c>{0..20..5}</c>: its words, or null when the body is not one (or too long).</summary>
    private static List<string>? BraceSequence(string body)
    {
        var parts = body.Split("..");
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        var step = 1;
        if (parts.Length == 3 && (!int.TryParse(parts[2], out step) || step == 0))
        {
            return null;
        }

        step = Math.Abs(step);
        var words = new List<string>();
        if (int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to))
        {
            for (var v = from; words.Count < MaxBraceWords && (from <= to ? v <= to : v >= to); v += from <= to ? step : -step)
            {
                words.Add(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return words;
        }

        if (parts[0].Length == 1 && parts[1].Length == 1 && char.IsAsciiLetter(parts[0][0]) && char.IsAsciiLetter(parts[1][0]))
        {
            int a = parts[0][0], b = parts[1][0];
            for (var v = a; words.Count < MaxBraceWords && (a <= b ? v <= b : v >= b); v += a <= b ? step : -step)
            {
                words.Add(((char)v).ToString());
            }

            return words;
        }

        return null;
    }

    /// <summary>
    /// cmd's variables: <c>%NAME%</c> (home and profile folders, and what <c>set NAME=value</c> assigned on the line), the substring
    /// <c>%NAME:~start,length%</c>, and delayed expansion <c>!NAME!</c> for a name the line set.
    /// </summary>
    private string CmdVariables(string word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is '%' or '!' && word.IndexOf(c, i + 1) is var close and > 0 && close - i <= 64 && CmdValue(word[(i + 1)..close], c == '!') is { } value)
            {
                sb.Append(value);
                i = close;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private string? CmdValue(string reference, bool delayed)
    {
        var colon = reference.IndexOf(":~", StringComparison.Ordinal);
        var name = colon < 0 ? reference : reference[..colon];
        var value = _variables is not null && IsName(name) && _variables.TryGetValue(name, out var v) ? v : delayed ? null : HomeRelative(name);
        if (value is null || colon < 0)
        {
            return value;
        }

        // %NAME:~start,length%: cmd's substring (negative numbers count from the end), the same arithmetic as bash's ${X:start:length}.
        return Slice(value, reference[(colon + 2)..].Replace(',', ':'));
    }
}

using System.Text;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The shell's word expansions, as far as they decide which file a command names: variables assigned earlier in the line
/// (<c>X=/etc/shadow; cat $X</c>, <c>export</c>, <c>${X}</c>), brace expansion (<c>/etc/sh{a,}dow</c>), substitutions that only
/// decode a literal (<c>$(echo L2V0Yy9zaGFkb3c= | base64 -d)</c>), globs against the catalogue and the working directory
/// (<c>cd /etc &amp;&amp; cat shadow</c>, a <c>cwd</c> argument). One instance per command string; bounded in every dimension.
/// </summary>
internal sealed partial class ShellExpansion(string? cwd)
{
    /// <summary>Most variables remembered; a script assigning more is not hiding one path.</summary>
    private const int MaxVariables = 64;

    /// <summary>Most words one brace expression expands to.</summary>
    private const int MaxBraceWords = 32;

    /// <summary>Created on the first assignment: most command lines assign nothing, and the analyser makes one expansion per script.</summary>
    private Dictionary<string, string>? _variables;

    /// <summary>The working directory the line has reached (<c>cd</c>, <c>pushd</c>), folded; null when unknown.</summary>
    public string? Cwd { get; private set; } = string.IsNullOrEmpty(cwd) ? null : Fold(cwd);

    /// <summary>True once a variable has been assigned.</summary>
    public bool HasVariables => _variables is { Count: > 0 };

    public void Assign(string assignment)
    {
        var eq = assignment.IndexOf('=');
        _variables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (eq > 0 && (_variables.Count < MaxVariables || _variables.ContainsKey(assignment[..eq])))
        {
            var value = assignment[(eq + 1)..];
            if (value.Length > 1 && value[0] == '(' && value[^1] == ')')
            {
                AssignArray(assignment[..eq], value[1..^1]);
                return;
            }

            _variables[assignment[..eq]] = Substitute(value);
        }
    }

    public void ChangeDirectory(string? target)
    {
        if (target is null || target == "-")
        {
            Cwd = null; // "cd -" and popd go back somewhere this reading does not track
            return;
        }

        var t = Fold(Substitute(target));
        Cwd = IsAbsolute(t) ? t : Cwd is null ? null : Cwd.TrimEnd('/') + "/" + t;
    }

    /// <summary>The paths <paramref name="word"/> may name once expanded, resolved against the working directory.</summary>
    public void Expand(string word, List<ShellPathCandidate> output)
    {
        var substituted = Substitute(word);
        var braces = new List<string>();
        ExpandBraces(substituted, braces, 0);
        foreach (var b in braces)
        {
            var folded = Fold(b);
            if (folded.Length == 0 || folded.Length > 4096)
            {
                continue;
            }

            if (!IsAbsolute(folded) && Cwd is not null)
            {
                folded = Cwd.TrimEnd('/') + "/" + folded;
            }

            if (ShellGlob.HasGlob(folded))
            {
                ShellGlob.Expand(folded, output);
            }
            else
            {
                output.Add(new ShellPathCandidate(folded, false));
            }
        }
    }

    private static string Fold(string path) => path.Replace('\\', '/').ToLowerInvariant();

    private static bool IsAbsolute(string p) => p.Length > 0 && (p[0] is '/' or '~' || p.Length > 1 && p[1] == ':' || p.StartsWith("$home", StringComparison.Ordinal));

    /// <summary>Deepest nesting of expansions read (<c>${X:-${Y:-…}}</c>, <c>$(echo $(…))</c>); deeper ones stay as written, so a crafted word cannot exhaust the stack.</summary>
    private const int MaxDepth = 8;

    private int _depth;

    /// <summary>Replaces <c>$X</c>, <c>${X}</c>, <c>${X:-default}</c> and decoding substitutions; unknown variables stay as written.</summary>
    public string Substitute(string word)
    {
        if (_depth >= MaxDepth)
        {
            return word;
        }

        _depth++;
        try
        {
            return SubstituteOnce(word);
        }
        finally
        {
            _depth--;
        }
    }

    private string SubstituteOnce(string word)
    {
        if (word.Contains('%') || _variables is not null && word.Contains('!'))
        {
            word = CmdVariables(word);
        }

        if (!word.Contains('$') && !word.Contains('`'))
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '`' && word.IndexOf('`', i + 1) is var tick and > 0)
            {
                sb.Append(Decoded(Substitute(word[(i + 1)..tick])) ?? word[i..(tick + 1)]);
                i = tick;
                continue;
            }

            if (c != '$' || i + 1 >= word.Length)
            {
                sb.Append(c);
                continue;
            }

            if (word[i + 1] == '(' && FindClose(word, i + 2) is var close and > 0)
            {
                // Variables inside the substitution first: K=…; cat $(eval echo $K).
                sb.Append(Decoded(Substitute(word[(i + 2)..close])) ?? word[i..(close + 1)]);
                i = close;
                continue;
            }

            if (word[i + 1] is '*' or '@' && Positionals(word[i + 1]) is { } all)
            {
                sb.Append(all); // "$*", "$@": the positional parameters set -- gave
                i++;
                continue;
            }

            if (word[i + 1] == '{' && MatchingBrace(word, i + 1) is var brace and > 0)
            {
                // ${X}, ${X:-default}, ${X/a/b}, ${X:0:4}, ${!X}, ${X[1]}: the parameter's operators as the shell applies them.
                sb.Append(Parameter(word[(i + 2)..brace]) ?? word[i..(brace + 1)]);
                i = brace;
                continue;
            }

            var j = i + 1;
            while (j < word.Length && (char.IsAsciiLetterOrDigit(word[j]) || word[j] == '_'))
            {
                j++;
            }

            // PowerShell's environment drive: $env:USERPROFILE, $Env:APPDATA.
            if (j < word.Length && word[j] == ':' && word.AsSpan(i + 1, j - i - 1).Equals("env", StringComparison.OrdinalIgnoreCase))
            {
                j++;
                while (j < word.Length && (char.IsAsciiLetterOrDigit(word[j]) || word[j] == '_'))
                {
                    j++;
                }
            }

            var name = word[(i + 1)..j];
            var end = j - 1;

            if (name.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
            {
                name = name[4..];
            }

            if (_variables is not null && _variables.TryGetValue(name, out var value))
            {
                sb.Append(value);
            }
            else if (HomeRelative(name) is { } home)
            {
                sb.Append(home);
            }
            else
            {
                sb.Append(word, i, end - i + 1);
            }

            i = end;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Where the variables that name the user's home and profile folders point, relative to <c>~</c>: POSIX <c>$HOME</c>, and the Windows
    /// ones PowerShell and cmd spell (<c>$env:USERPROFILE\.ssh</c>, <c>%APPDATA%\Microsoft\Windows\Start Menu</c>). Null for any other name.
    /// </summary>
    private static string? HomeRelative(string name) => name.ToUpperInvariant() switch
    {
        "HOME" or "USERPROFILE" => "~",
        "APPDATA" => "~/AppData/Roaming",
        "LOCALAPPDATA" => "~/AppData/Local",
        _ => null,
    };

    /// <summary>Most stages of a pipeline followed from the literal it starts with to what it prints (<c>printf … | xxd -r -p | rev</c>).</summary>
    private const int MaxDecodingStages = 4;

    /// <summary>What a substitution prints when it only echoes or decodes a literal: <c>echo x</c>, <c>echo … | base64 -d</c>, <c>printf '\x2f…'</c>, <c>… | rev</c>.</summary>
    private string? Decoded(string inner)
    {
        var script = ShellTokenizer.Parse(inner);
        return script.Pipelines.Count == 1 ? Output(script.Pipelines[0].Commands, script.Pipelines[0].Commands.Count) : null;
    }

    /// <summary>
    /// What the first <paramref name="count"/> stages of a pipeline print when the first only prints a literal (<c>echo</c>, <c>printf</c>,
    /// a decoder's here-string, <c>ls</c> or <c>realpath</c> of its operands) and every later one only transforms it (<c>base64 -d</c>,
    /// <c>xxd -r</c>, <c>rev</c>, <c>tr</c>, <c>sed s///</c>); null otherwise. The text <c>xargs</c> reads, or a substitution's value.
    /// </summary>
    public string? Output(List<ShellCommand> commands, int count)
    {
        if (count is 0 or > MaxDecodingStages || count > commands.Count)
        {
            return null;
        }

        if (count == 1 && ReadBack(commands[0]) is { } read)
        {
            return read; // echo /etc/shadow > p; cat $(< p)
        }

        var first = commands[0].Words;
        var k = FindCommand(first, out _);
        if (k + 1 < first.Count && NameOf(first[k]) == "eval")
        {
            k++; // $(eval echo ~/.aws/credentials): eval of an echo prints what the echo prints, tilde expanded
        }

        if (k >= first.Count)
        {
            return null;
        }

        string? literal;
        if (commands[0].Redirects.FindIndex(static r => r.Operator == "<<<") is var here and >= 0)
        {
            // $(rev <<< 'wodahs/cte/'), $(base64 -d <<< L2V0Yy9zaGFkb3c=): a here-string is the decoder's input, as an echo piped to it is.
            literal = Decode(commands[0].Redirects[here].Target, first, k);
        }
        else if (NameOf(first[k]) is "echo" or "printf")
        {
            literal = Printed(first, k);
        }
        else
        {
            // $(ls -d /etc/sh*w), $(realpath ~/.ssh/id_rsa): what they print is the names they were given, globs matched.
            literal = ShellPrintedNames.Of(first, k);
        }

        for (var i = 1; i < count && literal is not null; i++)
        {
            var decoder = commands[i].Words;
            literal = Decode(literal, decoder, FindCommand(decoder, out _));
        }

        return literal;
    }

    /// <summary>What <c>echo</c> or <c>printf</c> (its name at <paramref name="k"/>) prints.</summary>
    private static string Printed(List<string> first, int k)
    {
        var operands = first.Skip(k + 1).Where(static w => !w.StartsWith('-')).ToList();
        var literal = NameOf(first[k]) == "printf" && operands.Count > 1 && operands[0].Contains('%') ? Format(operands) : string.Join(' ', operands);
        if (NameOf(first[k]) == "printf" || first.Contains("-e"))
        {
            // printf always interprets its escapes, one as much as many: $(printf 'c\141t') is "cat".
            literal = ShellPayloadDecoder.TryUnescape(literal, out var unescaped) || unescaped.Length > 0 ? unescaped : literal;
            literal = literal.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        }

        return literal;
    }

    /// <summary>What the decoder command <paramref name="decoder"/> (its name at <paramref name="d"/>) prints for <paramref name="literal"/>; null for other commands.</summary>
    private static string? Decode(string literal, List<string> decoder, int d)
    {
        var name = d < decoder.Count ? NameOf(decoder[d]) : string.Empty;
        switch (name)
        {
            case "base64" or "basenc" when decoder.Exists(static w => w is "-d" or "--decode" or "-D" or "-di"):
                return ShellPayloadDecoder.TryBase64(literal.Trim(), utf16: false, minimumLength: 4, out var text) ? text.TrimEnd('\n') : null;
            case "xxd" when decoder.Contains("-r") || decoder.Contains("-rp") || decoder.Contains("-pr") || decoder.Contains("--revert"):
                return ShellPayloadDecoder.TryHex(literal, out var hex) ? hex.TrimEnd('\n') : null;
            case "rev":
                var chars = literal.ToCharArray();
                Array.Reverse(chars);
                return new string(chars);
            case "tr" or "sed":
                // tr 'A-Za-z' 'N-ZA-Mn-za-m' (rot13), tr -d 'X', sed 's/X//g': a literal rewritten by fixed text, as the program does.
                return TextRewrite.Apply(literal, decoder, d);
            case "openssl" when decoder.Contains("-d") && (decoder.Contains("base64") || decoder.Contains("-base64") || decoder.Contains("-a")):
                return ShellPayloadDecoder.TryBase64(literal.Trim(), utf16: false, minimumLength: 4, out var ssl) ? ssl.TrimEnd('\n') : null;
            default:
                return null;
        }
    }

    /// <summary><c>printf '/etc/%s' shadow</c>: the format with its conversions (<c>%s</c>, <c>%b</c>, <c>%d</c>, <c>%c</c>) filled by the operands in order.</summary>
    private static string Format(List<string> operands)
    {
        var format = operands[0];
        var sb = new StringBuilder(format.Length + 16);
        var next = 1;

        // printf reuses its format while operands remain: printf '%s' '/root/.ssh/' 'authorized_keys' prints both, joined.
        for (var pass = 0; pass < 16 && (pass == 0 || next < operands.Count); pass++)
        {
            var before = next;
            FormatOnce(format, operands, ref next, sb);
            if (next == before)
            {
                break; // a format with no conversion prints once
            }
        }

        return sb.ToString();
    }

    private static void FormatOnce(string format, List<string> operands, ref int next, StringBuilder sb)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length)
            {
                var c = format[i + 1];
                if (c == '%')
                {
                    sb.Append('%');
                    i++;
                    continue;
                }

                if (c is 's' or 'b' or 'd' or 'c' or 'i')
                {
                    var value = next < operands.Count ? operands[next++] : string.Empty;
                    sb.Append(c == 'c' && value.Length > 0 ? value[..1] : value);
                    i++;
                    continue;
                }
            }

            sb.Append(format[i]);
        }
    }

    private static int FindClose(string s, int start)
    {
        var level = 1;
        for (var k = start; k < s.Length; k++)
        {
            if (s[k] == '(')
            {
                level++;
            }
            else if (s[k] == ')' && --level == 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Brace expansion: <c>a{b,c}d</c> → <c>abd</c>, <c>acd</c>; nested and sequence forms stay as written past the first level.</summary>
    private static void ExpandBraces(string word, List<string> output, int depth)
    {
        word = ExtendedGlobs.AsBraces(word);
        var open = word.IndexOf('{');
        var close = open < 0 ? -1 : MatchingBrace(word, open);
        if (close < 0 || depth > 3 || output.Count >= MaxBraceWords)
        {
            output.Add(word);
            return;
        }

        var body = word[(open + 1)..close];
        var parts = SplitTopLevel(body);
        if (parts.Count < 2 && BraceSequence(body) is { } sequence)
        {
            parts = sequence;
        }

        if (parts.Count < 2)
        {
            output.Add(word);
            return;
        }

        foreach (var part in parts)
        {
            if (output.Count < MaxBraceWords)
            {
                ExpandBraces(word[..open] + part + word[(close + 1)..], output, depth + 1);
            }
        }
    }

    private static int MatchingBrace(string s, int open)
    {
        var level = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                level++;
            }
            else if (s[i] == '}' && --level == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        var level = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '{')
            {
                level++;
            }
            else if (body[i] == '}')
            {
                level--;
            }
            else if (body[i] == ',' && level == 0)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }

        parts.Add(body[start..]);
        return parts;
    }
}

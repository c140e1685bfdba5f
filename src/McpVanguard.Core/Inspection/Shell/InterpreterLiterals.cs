using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The string literals of interpreter code (Python, Node, Ruby, Perl, PHP, PowerShell, awk), with simple concatenations joined:
/// <c>'/etc/sh' + 'adow'</c>, <c>"/etc/" . "shadow"</c>, Python's adjacent <c>'a' 'b'</c>, and path joins
/// (<c>os.path.join('~', '.ssh', 'id_rsa')</c>, <c>Path.home() / '.ssh' / 'id_rsa'</c>). A literal is what the program will use, whatever
/// the code around it; the caller judges each as a path, a command or a URL. Linear in the code, bounded in count.
/// </summary>
internal static class InterpreterLiterals
{
    /// <summary>Most literals read from one piece of code: enough for any command or path it builds, bounded whatever it holds.</summary>
    public const int MaxLiterals = 256;

    /// <summary>Longest code read; what follows is ignored (the other rules still see the whole string).</summary>
    private const int MaxCode = 64 * 1024;

    /// <summary>Every literal, then every joined concatenation or path join of two or more literals.</summary>
    public static List<string> Extract(string code) => Extract(code, 0);

    /// <summary>How deep code inside a literal (<c>exec("os.system(\"cat …\")")</c>) is read for its own literals.</summary>
    private const int MaxNestedCode = 2;

    private static List<string> Extract(string code, int depth)
    {
        var result = new List<string>();
        var rot13 = NamesRot13(code);
        var text = JoinedLists.Fold(CharCodes.Spell(HomeDirectoryCalls.AsLiterals(code.Length > MaxCode ? code[..MaxCode] : code, includeVariables: false))).AsSpan();
        StringBuilder? run = null;
        StringBuilder? flat = null;
        var runCount = 0;
        var joiner = '\0';
        var end = -1;
        for (var i = 0; i < text.Length && result.Count < MaxLiterals; i++)
        {
            var quote = text[i];
            if (quote is not ('\'' or '"' or '`'))
            {
                continue;
            }

            var close = i + 1;
            var sb = new StringBuilder();
            while (close < text.Length && text[close] != quote)
            {
                if (text[close] == '\\' && close + 1 < text.Length)
                {
                    // Escaped quotes and separators stand for themselves; other escapes (\n, \x41) are kept as written.
                    var next = text[close + 1];
                    if (next is not ('\'' or '"' or '\\' or '`' or '/'))
                    {
                        sb.Append('\\');
                    }

                    sb.Append(next);
                    close += 2;
                    continue;
                }

                sb.Append(text[close]);
                close++;
            }

            if (close >= text.Length)
            {
                break;
            }

            var literal = sb.ToString();
            result.Add(literal);

            // What the program makes of the literal: escapes decoded ('\x2fetc\x2fshadow'), a reversal undone ('wodahs/cte/'[::-1]).
            if (ShellPayloadDecoder.TryUnescape(literal, out var unescaped))
            {
                result.Add(unescaped);
            }

            if (IsReversed(text, i, close))
            {
                var reversed = literal.ToCharArray();
                Array.Reverse(reversed);
                result.Add(new string(reversed));
            }

            // codecs.decode('vzcbeg bf…', 'rot13'), str_rot13(…): the code names the cipher, so each literal is also read deciphered.
            if (rot13)
            {
                result.Add(Rot13(literal));
            }

            // Code inside a literal is code too: exec("import os;os.system(\"cat ~/.ssh/id_rsa\")"), eval('require("child_process")…').
            if (depth < MaxNestedCode)
            {
                AddNested(literal, depth, result);
                if (rot13)
                {
                    AddNested(Rot13(literal), depth, result);
                }
            }

            // What joins this literal to the previous one: '+', '.', '..', ',' (inside a join call), '/' (pathlib), or nothing (Python).
            var between = end < 0 ? ReadOnlySpan<char>.Empty : text[(end + 1)..i].Trim();
            var join = end < 0 ? (char?)null : between.Length == 0 ? '+' : between is "+" or "." or ".." or "&" ? '+' : between is "/" ? '/'
                : between is "," && IsInsideJoin(text, i) ? '/' : null;
            if (join is { } j && run is not null && (joiner == '\0' || joiner == j))
            {
                if (j == '/' && run.Length > 0 && run[^1] != '/')
                {
                    run.Append('/');
                }

                run.Append(literal);
                flat!.Append(literal);
                runCount++;
                joiner = j;
            }
            else
            {
                FlushRun(run, flat, runCount, result);
                run = new StringBuilder(literal);
                flat = new StringBuilder(literal);
                runCount = 1;
                joiner = '\0';
            }

            end = close;
            i = close;
        }

        FlushRun(run, flat, runCount, result);
        return result;
    }

    /// <summary>
    /// True when code names the ROT13 cipher: <c>codecs.decode(…, 'rot13')</c>, <c>'rot_13'</c>, PHP's <c>str_rot13</c>, or the
    /// translation sets that spell it (<c>.tr('A-Za-z', 'N-ZA-Mn-za-m')</c>, <c>tr/a-z/n-za-m/</c>).
    /// </summary>
    public static bool NamesRot13(string code) =>
        code.Contains("rot", StringComparison.OrdinalIgnoreCase) && (code.Contains("rot13", StringComparison.OrdinalIgnoreCase)
            || code.Contains("rot_13", StringComparison.OrdinalIgnoreCase) || code.Contains("rot-13", StringComparison.OrdinalIgnoreCase))
        || code.Contains("n-za-m", StringComparison.OrdinalIgnoreCase);

    private static void AddNested(string literal, int depth, List<string> result)
    {
        if (literal.Length > 4 && literal.AsSpan().IndexOfAny('"', '\'', '`') >= 0 && result.Count < MaxLiterals)
        {
            foreach (var inner in Extract(literal, depth + 1))
            {
                if (result.Count >= MaxLiterals)
                {
                    break;
                }

                result.Add(inner);
            }
        }
    }

    /// <summary>ROT13 of the ASCII letters; everything else as written.</summary>
    private static string Rot13(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'a' and <= 'z' ? (char)('a' + ((c - 'a' + 13) % 26)) : c is >= 'A' and <= 'Z' ? (char)('A' + ((c - 'A' + 13) % 26)) : c;
        }
    });

    /// <summary>
    /// Adds a joined run, and when it was joined as a path also the plain concatenation: <c>''.join(['/etc/', 'sha', 'dow'])</c> is a
    /// string join, not <c>os.path.join</c>, and which one it is costs more to tell than to try both.
    /// </summary>
    private static void FlushRun(StringBuilder? run, StringBuilder? flat, int count, List<string> result)
    {
        if (run is null || count <= 1 || result.Count >= MaxLiterals)
        {
            return;
        }

        var joined = run.ToString();
        result.Add(joined);
        if (flat is not null && flat.Length != run.Length)
        {
            result.Add(flat.ToString());
        }
    }

    /// <summary>True when the literal between <paramref name="open"/> and <paramref name="close"/> is reversed before use: <c>[::-1]</c>, <c>.reverse()</c>, <c>strrev(</c>, <c>reverse(</c>.</summary>
    private static bool IsReversed(ReadOnlySpan<char> text, int open, int close)
    {
        var after = text[(close + 1)..];
        after = after[..Math.Min(after.Length, 32)];
        if (after.StartsWith("[::-1]") || after.StartsWith(".reverse", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith(".split(", StringComparison.Ordinal) && after.Contains(".reverse()", StringComparison.Ordinal))
        {
            return true;
        }

        var before = text[Math.Max(0, open - 8)..open].TrimEnd();
        return before.EndsWith("reverse(", StringComparison.OrdinalIgnoreCase) || before.EndsWith("strrev(", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the comma before <paramref name="at"/> separates the arguments of a path-join call (<c>os.path.join(</c>, <c>path.join(</c>, <c>File.join(</c>, <c>Join-Path</c>).</summary>
    private static bool IsInsideJoin(ReadOnlySpan<char> text, int at)
    {
        var open = text[..at].LastIndexOf('(');
        if (open < 4 || text[open..at].Contains(')'))
        {
            return false;
        }

        var before = text[Math.Max(0, open - 12)..open];
        return before.EndsWith("join", StringComparison.OrdinalIgnoreCase) || before.EndsWith("resolve", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("combine", StringComparison.OrdinalIgnoreCase) || before.EndsWith("joinpath", StringComparison.OrdinalIgnoreCase);
    }
}

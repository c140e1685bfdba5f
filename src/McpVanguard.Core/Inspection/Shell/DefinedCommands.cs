using System.Text;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Commands a line defines for itself and then calls: a function (<c>show() { cat /etc/$1; }; show shadow</c>, <c>function f { … }</c>)
/// runs its body with the call's arguments as <c>$1</c>, <c>$2</c>, <c>"$@"</c>; an alias (<c>alias ll='cat ~/.ssh/id_rsa'; ll</c>) runs
/// its value with the call's arguments after it. <see cref="Inline"/> writes each call out as the script it runs
/// (<c>set -- 'shadow'</c> then the body), so the analyser and the path reading judge what the call does. Linear and bounded.
/// </summary>
internal static class DefinedCommands
{
    /// <summary>Most functions and aliases remembered per line.</summary>
    private const int MaxDefinitions = 8;

    /// <summary>Most calls written out per line.</summary>
    private const int MaxCalls = 8;

    /// <summary>Longest body or alias value kept, and longest text written out.</summary>
    private const int MaxBodyLength = 4096;

    /// <summary>The scripts the calls of <paramref name="text"/>'s own functions and aliases run, and each alias's value; null when it defines none.</summary>
    public static string? Inline(string text)
    {
        var mayDefine = text.Contains("()", StringComparison.Ordinal) || text.Contains("function ", StringComparison.Ordinal);
        if (!mayDefine && !text.Contains("alias ", StringComparison.Ordinal))
        {
            return null;
        }

        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mayDefine)
        {
            RecordFunctions(text, definitions);
        }

        var output = new StringBuilder();
        var calls = 0;
        foreach (var pipeline in ShellTokenizer.Parse(text).Pipelines)
        {
            foreach (var command in pipeline.Commands)
            {
                var words = command.Words;
                var k = FindCommand(words, out _);
                if (k >= words.Count || calls >= MaxCalls || output.Length > MaxBodyLength * 2)
                {
                    continue;
                }

                if (NameOf(words[k]) == "alias")
                {
                    for (var i = k + 1; i < words.Count; i++)
                    {
                        var eq = words[i].IndexOf('=');
                        if (eq > 0 && eq < words[i].Length - 1 && words[i].Length - eq <= MaxBodyLength)
                        {
                            var value = words[i][(eq + 1)..];
                            Define(definitions, words[i][..eq], value + " \"$@\"");
                            output.Append(value).Append('\n'); // the value is a command line wherever the alias is typed
                        }
                    }
                }
                else if (definitions.TryGetValue(words[k], out var body))
                {
                    calls++;
                    output.Append("set --");
                    for (var i = k + 1; i < words.Count; i++)
                    {
                        output.Append(" '").Append(words[i].Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
                    }

                    output.Append('\n').Append(body).Append('\n');
                }
            }
        }

        return output.Length == 0 ? null : output.ToString();
    }

    /// <summary>Finds <c>name() { … }</c> and <c>function name [()] { … }</c> (one pass) and keeps their bodies.</summary>
    private static void RecordFunctions(string text, Dictionary<string, string> definitions)
    {
        var at = 0;
        while (at < text.Length && definitions.Count < MaxDefinitions)
        {
            var paren = text.IndexOf("()", at, StringComparison.Ordinal);
            var keyword = text.IndexOf("function ", at, StringComparison.Ordinal);
            if (paren < 0 && keyword < 0)
            {
                return;
            }

            string name;
            int after;
            if (keyword >= 0 && (paren < 0 || keyword < paren))
            {
                var start = keyword + "function ".Length;
                var end = start;
                while (end < text.Length && IsNameChar(text[end]))
                {
                    end++;
                }

                name = text[start..end];
                after = end + 1 < text.Length && text[end] == '(' && text[end + 1] == ')' ? end + 2 : end;
            }
            else
            {
                var end = paren;
                while (end > 0 && text[end - 1] == ' ')
                {
                    end--;
                }

                var start = end;
                while (start > 0 && IsNameChar(text[start - 1]))
                {
                    start--;
                }

                name = text[start..end];
                after = paren + 2;
            }

            at = Math.Max(after, at + 1);
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (name.Length == 0 || after >= text.Length || text[after] is not ('{' or '('))
            {
                continue;
            }

            var close = Closing(text, after);
            if (close < 0)
            {
                return;
            }

            Define(definitions, name, text[(after + 1)..close]);
            at = close + 1;
        }
    }

    private static void Define(Dictionary<string, string> definitions, string name, string body)
    {
        if (body.Length <= MaxBodyLength && (definitions.Count < MaxDefinitions || definitions.ContainsKey(name)))
        {
            definitions[name] = body;
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>The brace or parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int Closing(string text, int open)
    {
        var opening = text[open];
        var closing = opening == '{' ? '}' : ')';
        var level = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == opening)
            {
                level++;
            }
            else if (text[i] == closing && --level == 0)
            {
                return i;
            }
        }

        return -1;
    }
}

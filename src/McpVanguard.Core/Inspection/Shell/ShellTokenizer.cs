using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A POSIX-ish shell parser good enough to see what a command line would run: quotes, escapes, the operators
/// <c>| ; &amp; &amp;&amp; ||</c> and newlines, redirections, <c>$(…)</c>, backticks and <c>&lt;(…)</c> (parsed recursively),
/// and <c>$IFS</c> / <c>${IFS}</c> read as whitespace (a common way to hide spaces from naive filters).
/// Variable expansions are kept as written. It never throws and never runs anything.
/// </summary>
internal static class ShellTokenizer
{
    /// <summary>Deepest nesting of substitutions parsed; bounds the work a crafted <c>$($($(…)))</c> can cause.</summary>
    public const int MaxDepth = 4;

    /// <summary>Longest command line parsed; the rest is ignored (other rules still see the whole string).</summary>
    public const int MaxLength = 64 * 1024;

    public static ShellScript Parse(string text) => Parse(text, 0);

    internal static ShellScript Parse(string text, int depth)
    {
        var parser = new Parser(text.Length > MaxLength ? text[..MaxLength] : text, depth);
        return parser.Run();
    }

    private sealed class Parser(string s, int depth)
    {
        private readonly ShellScript _script = new();
        private readonly StringBuilder _word = new();
        private ShellPipeline _pipeline = new();
        private ShellCommand _command = new();
        private bool _hasWord;
        private string? _pendingRedirect;
        private int _position;
        private int _wordStart;

        /// <summary>The line sets positional parameters (<c>set -- /etc shadow</c>), so <c>$1</c> is kept for the expansion to fill.</summary>
        private readonly bool _positional = s.Contains("set ", StringComparison.Ordinal);

        /// <summary>Here-documents opened on the current line, read from the next line on: the command, the delimiter and whether tabs are stripped.</summary>
        private readonly List<(ShellCommand Command, string Delimiter, bool StripTabs)> _heredocs = [];

        public ShellScript Run()
        {
            var n = s.Length;
            var i = 0;
            while (i < n)
            {
                var c = s[i];
                _position = i;
                if (!_hasWord)
                {
                    _wordStart = i;
                }

                switch (c)
                {
                    case ' ' or '\t' or '\r':
                        EndWord();
                        i++;
                        break;
                    case '\n':
                        EndPipeline();
                        i = ReadHeredocs(i + 1);
                        break;
                    case ';':
                        EndPipeline();
                        i++;
                        break;
                    case '\\':
                        if (i + 1 < n && s[i + 1] != '\n')
                        {
                            Append(s[i + 1]);
                        }

                        i += 2;
                        break;
                    case '\'':
                        {
                            var j = s.IndexOf('\'', i + 1);
                            j = j < 0 ? n : j;
                            _word.Append(s, i + 1, j - i - 1);
                            _hasWord = true;
                            i = j + 1;
                            break;
                        }

                    case '"':
                        i = ReadDoubleQuoted(i + 1);
                        break;
                    case '`':
                        i = ReadBacktick(i);
                        break;
                    case '$':
                        i = ReadDollar(i, quoted: false);
                        break;
                    case '#' when !_hasWord:
                        while (i < n && s[i] != '\n')
                        {
                            i++;
                        }

                        break;
                    case '|':
                        if (i + 1 < n && s[i + 1] == '|')
                        {
                            EndPipeline();
                            i += 2;
                        }
                        else
                        {
                            EndCommand();
                            i += i + 1 < n && s[i + 1] == '&' ? 2 : 1;
                        }

                        break;
                    case '&':
                        if (i + 1 < n && s[i + 1] == '>')
                        {
                            EndWord();
                            var append = i + 2 < n && s[i + 2] == '>';
                            _pendingRedirect = append ? "&>>" : "&>";
                            i += append ? 3 : 2;
                        }
                        else
                        {
                            EndPipeline();
                            i += i + 1 < n && s[i + 1] == '&' ? 2 : 1;
                        }

                        break;
                    case '(' when _hasWord && IsWordGroup():
                        // An array assignment "a=(x y)" or an extended glob "@(a|b)", "!(x)" is one word, not a subshell.
                        var group = FindClose(i + 1);
                        _word.Append(s, i, Math.Min(group + 1, n) - i);
                        i = group + 1;
                        break;
                    case '(':
                        EndPipeline();
                        i++;
                        break;
                    case ')':
                        EndCommand();
                        i++;
                        break;
                    case '<' or '>':
                        i = ReadRedirect(i);
                        break;
                    default:
                        Append(c);
                        i++;
                        break;
                }
            }

            _position = n;
            EndPipeline();
            return _script;
        }

        private int ReadRedirect(int i)
        {
            var n = s.Length;
            if (i + 1 < n && s[i + 1] == '(')
            {
                // Process substitution <(…) or >(…): its command runs too.
                var close = FindClose(i + 2);
                AddSubstitution(s[(i + 2)..Math.Min(close, n)]);
                _word.Append(s, i, Math.Min(close + 1, n) - i);
                _hasWord = true;
                return close + 1;
            }

            if (_hasWord && IsAllDigits(_word))
            {
                // "2>" or "0>&1": the digits name a file descriptor, not a word.
                _word.Clear();
                _hasWord = false;
            }
            else
            {
                EndWord();
            }

            string op;
            var rest = s.AsSpan(i);
            if (rest.StartsWith("<<<")) { op = "<<<"; }
            else if (rest.StartsWith(">>") || rest.StartsWith(">&") || rest.StartsWith(">|") || rest.StartsWith("<<") || rest.StartsWith("<&") || rest.StartsWith("<>")) { op = rest[..2].ToString(); }
            else { op = s[i] == '<' ? "<" : ">"; }

            _pendingRedirect = op;
            return i + op.Length;
        }

        private int ReadDoubleQuoted(int i)
        {
            _hasWord = true;
            var n = s.Length;
            while (i < n)
            {
                var c = s[i];
                if (c == '"')
                {
                    return i + 1;
                }

                if (c == '\\' && i + 1 < n && s[i + 1] is '"' or '\\' or '$' or '`' or '\n')
                {
                    if (s[i + 1] != '\n')
                    {
                        _word.Append(s[i + 1]);
                    }

                    i += 2;
                }
                else if (c == '$')
                {
                    i = ReadDollar(i, quoted: true);
                }
                else if (c == '`')
                {
                    i = ReadBacktick(i);
                }
                else
                {
                    _word.Append(c);
                    i++;
                }
            }

            return n;
        }

        private int ReadBacktick(int i)
        {
            var n = s.Length;
            var j = i + 1;
            while (j < n && s[j] != '`')
            {
                j += s[j] == '\\' ? 2 : 1;
            }

            j = Math.Min(j, n);
            AddSubstitution(s[(i + 1)..j].Replace("\\`", "`", StringComparison.Ordinal));
            _word.Append(s, i, Math.Min(j + 1, n) - i);
            _hasWord = true;
            return j + 1;
        }

        private int ReadDollar(int i, bool quoted)
        {
            var n = s.Length;
            var next = i + 1 < n ? s[i + 1] : '\0';
            if (next == '(')
            {
                var arithmetic = i + 2 < n && s[i + 2] == '(';
                var close = FindClose(i + 2);
                if (!arithmetic)
                {
                    AddSubstitution(s[(i + 2)..Math.Min(close, n)]);
                }

                _word.Append(s, i, Math.Min(close + 1, n) - i);
                _hasWord = true;
                return close + 1;
            }

            if (next == '\'' && !quoted)
            {
                // ANSI-C quoting: cat $'\x2fetc\x2fshadow' opens /etc/shadow.
                _hasWord = true;
                return AnsiCQuoting.Read(s, i + 2, _word);
            }

            if (next == '{')
            {
                var close = s.IndexOf('}', i + 2);
                close = close < 0 ? n : close;
                var name = s.AsSpan(i + 2, close - i - 2);
                if (name.StartsWith("IFS") && (name.Length == 3 || !IsIdentChar(name[3])))
                {
                    Blank(quoted);
                }
                else
                {
                    _word.Append(s, i, Math.Min(close + 1, n) - i);
                    _hasWord = true;
                }

                return close + 1;
            }

            if (s.AsSpan(i + 1).StartsWith("IFS") && (i + 4 >= n || !IsIdentChar(s[i + 4])))
            {
                Blank(quoted);
                return i + 4;
            }

            if (char.IsAsciiDigit(next) && next != '0' && !_positional)
            {
                // $1…$9 are empty in a fresh shell; "cat$IFS$9/etc/passwd" uses them as separators.
                return i + 2;
            }

            Append('$');
            return i + 1;
        }

        private void Blank(bool quoted)
        {
            if (quoted)
            {
                _word.Append(' ');
            }
            else
            {
                EndWord();
            }
        }

        /// <summary>The word so far ends where a '(' continues it: <c>name=</c> (array assignment) or an extended-glob operator.</summary>
        private bool IsWordGroup()
        {
            var last = _word.Length == 0 ? '\0' : _word[^1];
            if (last is '@' or '?' or '+' or '*' or '!')
            {
                return true;
            }

            if (last != '=' || _word.Length < 2 || !(char.IsAsciiLetter(_word[0]) || _word[0] == '_'))
            {
                return false;
            }

            for (var k = 1; k < _word.Length - 1; k++)
            {
                if (!(char.IsAsciiLetterOrDigit(_word[k]) || _word[k] == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Index of the ')' closing a group opened just before <paramref name="start"/>, skipping quotes; the length when unclosed.</summary>
        private int FindClose(int start)
        {
            var n = s.Length;
            var level = 1;
            for (var k = start; k < n; k++)
            {
                switch (s[k])
                {
                    case '\\':
                        k++;
                        break;
                    case '\'':
                        k = s.IndexOf('\'', k + 1);
                        if (k < 0)
                        {
                            return n;
                        }

                        break;
                    case '(':
                        level++;
                        break;
                    case ')':
                        if (--level == 0)
                        {
                            return k;
                        }

                        break;
                }
            }

            return n;
        }

        private void AddSubstitution(string inner)
        {
            if (depth < MaxDepth && inner.Length > 0)
            {
                _command.Substitutions.Add(ShellTokenizer.Parse(inner, depth + 1));
            }
        }

        private void Append(char c)
        {
            _word.Append(c);
            _hasWord = true;
        }

        private void EndWord()
        {
            if (!_hasWord)
            {
                return;
            }

            var w = _word.ToString();
            _word.Clear();
            _hasWord = false;
            if (_pendingRedirect is { } op)
            {
                _command.Redirects.Add(new ShellRedirect(op, w));
                _pendingRedirect = null;
                if (op == "<<" && _heredocs.Count < 8)
                {
                    // "<<-EOF" strips leading tabs; the quotes of 'EOF' are already removed.
                    var strip = w.StartsWith('-');
                    _heredocs.Add((_command, strip ? w[1..] : w, strip));
                }
            }
            else
            {
                _command.Words.Add(w);
                if (depth == 0)
                {
                    _command.WordSpans.Add((_wordStart, Math.Max(_wordStart, _position)));
                }
            }
        }

        private void EndCommand()
        {
            EndWord();
            if (_pendingRedirect is { } op)
            {
                _command.Redirects.Add(new ShellRedirect(op, string.Empty));
                _pendingRedirect = null;
            }

            if (!_command.IsEmpty)
            {
                _pipeline.Commands.Add(_command);
                _command = new ShellCommand();
            }
        }

        private void EndPipeline()
        {
            EndCommand();
            if (_pipeline.Commands.Count > 0)
            {
                _script.Pipelines.Add(_pipeline);
                _pipeline = new ShellPipeline();
            }
        }

        /// <summary>
        /// Reads the bodies of the here-documents opened on the line that just ended, starting at <paramref name="i"/>; returns where
        /// parsing resumes. A body is data for its command (the shell never parses it as commands); an unterminated one runs to the end.
        /// </summary>
        private int ReadHeredocs(int i)
        {
            var n = s.Length;
            foreach (var (command, delimiter, strip) in _heredocs)
            {
                var start = i;
                var end = n;
                while (i < n)
                {
                    var eol = s.IndexOf('\n', i);
                    var lineEnd = eol < 0 ? n : eol;
                    var line = s.AsSpan(i, lineEnd - i).TrimEnd('\r');
                    if (strip)
                    {
                        line = line.TrimStart('\t');
                    }

                    if (line.SequenceEqual(delimiter))
                    {
                        end = i;
                        i = eol < 0 ? n : eol + 1;
                        break;
                    }

                    i = eol < 0 ? n : eol + 1;
                }

                command.Heredocs.Add(new ShellHeredoc(s[start..Math.Min(end, i)], start, Math.Min(end, i)));
            }

            _heredocs.Clear();
            return i;
        }

        private static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        private static bool IsAllDigits(StringBuilder sb)
        {
            for (var k = 0; k < sb.Length; k++)
            {
                if (!char.IsAsciiDigit(sb[k]))
                {
                    return false;
                }
            }

            return sb.Length > 0;
        }
    }
}

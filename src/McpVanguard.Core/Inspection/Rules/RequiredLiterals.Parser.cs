using System.Globalization;

namespace McpVanguard.Inspection.Rules;

/// <summary>The parser half of <see cref="RequiredLiterals"/>: .NET regex syntax read into what each part requires.</summary>
public static partial class RequiredLiterals
{
    private sealed class Parser(string pattern)
    {
        private int _pos;

        public bool AtEnd => _pos >= pattern.Length;

        public Info ParseAlternation()
        {
            var branches = new List<Info> { ParseSequence() };
            while (_pos < pattern.Length && pattern[_pos] == '|')
            {
                _pos++;
                branches.Add(ParseSequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            if (branches.TrueForAll(b => b.Exact is not null))
            {
                var union = branches.SelectMany(b => b.Exact!).Distinct(StringComparer.Ordinal).ToList();
                if (union.Count <= MaxExactStrings)
                {
                    return new Info(union, null);
                }
            }

            // Every branch must require something; the union of each branch's best set is then required.
            var required = new List<string>();
            foreach (var branch in branches)
            {
                if (branch.AsRequirement() is not { } r)
                {
                    return Info.Any;
                }

                required.AddRange(Best(r));
            }

            return new Info(null, [required.Distinct(StringComparer.Ordinal).ToList()]);
        }

        private Info ParseSequence()
        {
            List<string> current = [string.Empty];
            var required = new List<List<string>>();
            var allExact = true;
            while (_pos < pattern.Length && pattern[_pos] is not ('|' or ')'))
            {
                var atom = ParseQuantified();
                if (atom.Exact is { } exact && Cross(current, exact) is { } joined)
                {
                    current = joined;
                    continue;
                }

                // Every part of a sequence is required: each fixed run and each atom's own requirement.
                allExact = false;
                if (ValidSet(current))
                {
                    required.Add(current);
                }

                if (atom.Exact is { } alone)
                {
                    // The product grew too large: start a new run with this atom.
                    current = alone;
                    continue;
                }

                required.AddRange(atom.Required ?? []);
                current = [string.Empty];
            }

            if (allExact)
            {
                return new Info(current, null);
            }

            if (ValidSet(current))
            {
                required.Add(current);
            }

            return new Info(null, required.Count == 0 ? null : Top(required));
        }

        private static List<string>? Cross(List<string> left, List<string> right)
        {
            if (left.Count * right.Count > MaxExactStrings)
            {
                return null;
            }

            var result = new List<string>(left.Count * right.Count);
            foreach (var l in left)
            {
                foreach (var r in right)
                {
                    var s = (l + r).Replace(BoundaryPair, Boundary, StringComparison.Ordinal);
                    result.Add(s.Length > MaxLiteralLength ? s[..MaxLiteralLength] : s);
                }
            }

            // A product holding an over-long string is refused: the run is cut there (longer literals select no better).
            return result.Exists(s => s.Length == MaxLiteralLength) ? null : result.Distinct(StringComparer.Ordinal).ToList();
        }

        private Info ParseQuantified()
        {
            var atom = ParseAtom();
            if (_pos >= pattern.Length)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_pos])
            {
                case '*':
                    (min, max) = (0, int.MaxValue);
                    _pos++;
                    break;
                case '+':
                    (min, max) = (1, int.MaxValue);
                    _pos++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _pos++;
                    break;
                case '{' when TryParseBraces(out min, out max):
                    break;
                default:
                    return atom;
            }

            if (_pos < pattern.Length && pattern[_pos] == '?')
            {
                _pos++; // lazy quantifier: same strings
            }

            if (min == 0)
            {
                return max == 1 && atom.Exact is { } exact ? new Info([string.Empty, .. exact], null) : Info.Any;
            }

            if (min == max && atom.Exact is { } fixedSet)
            {
                var repeated = fixedSet;
                for (var i = 1; i < min && repeated is not null; i++)
                {
                    repeated = Cross(repeated, fixedSet);
                }

                if (repeated is not null)
                {
                    return new Info(repeated, null);
                }
            }

            return new Info(null, atom.AsRequirement());
        }

        private bool TryParseBraces(out int min, out int max)
        {
            min = max = 0;
            var end = pattern.IndexOf('}', _pos);
            if (end < 0)
            {
                return false;
            }

            var body = pattern.AsSpan(_pos + 1, end - _pos - 1);
            var comma = body.IndexOf(',');
            var ok = comma < 0
                ? int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out min) && (max = min) >= 0
                : int.TryParse(body[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out min)
                  && (comma == body.Length - 1 ? (max = int.MaxValue) > 0 : int.TryParse(body[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out max));
            if (ok)
            {
                _pos = end + 1;
            }

            return ok;
        }

        private Info ParseAtom()
        {
            var c = pattern[_pos];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return ParseClass();
                case '\\':
                    return ParseEscape();
                case '.':
                    _pos++;
                    return Info.Any;
                case '^' or '$':
                    _pos++;
                    return Info.Empty;
                default:
                    _pos++;
                    return Char(c);
            }
        }

        private static Info Char(char c) => new([char.ToLowerInvariant(c).ToString()], null);

        private Info ParseGroup()
        {
            _pos++; // (
            if (_pos < pattern.Length && pattern[_pos] == '?')
            {
                _pos++;
                if (_pos >= pattern.Length)
                {
                    throw new NotSupportedException();
                }

                switch (pattern[_pos])
                {
                    case ':' or '>':
                        _pos++;
                        break;
                    case '#':
                        _pos = pattern.IndexOf(')', _pos) is var close and >= 0 ? close + 1 : throw new NotSupportedException();
                        return Info.Empty;
                    case '=' or '!':
                        SkipGroupBody();
                        return Info.Empty; // a lookahead consumes nothing
                    case '<' when _pos + 1 < pattern.Length && pattern[_pos + 1] is '=' or '!':
                        SkipGroupBody();
                        return Info.Empty;
                    case '<' or '\'':
                        var closing = pattern[_pos] == '<' ? '>' : '\'';
                        _pos = pattern.IndexOf(closing, _pos + 1) is var nameEnd and >= 0 ? nameEnd + 1 : throw new NotSupportedException();
                        break;
                    default:
                        // Inline options: (?i) (?i-s) alone, or (?i:...) scoping a group. Case is folded anyway.
                        while (_pos < pattern.Length && (char.IsLetter(pattern[_pos]) || pattern[_pos] == '-'))
                        {
                            _pos++;
                        }

                        if (_pos < pattern.Length && pattern[_pos] == ')')
                        {
                            _pos++;
                            return Info.Empty;
                        }

                        if (_pos >= pattern.Length || pattern[_pos] != ':')
                        {
                            throw new NotSupportedException(); // conditionals and other rare forms
                        }

                        _pos++;
                        break;
                }
            }

            var inner = ParseAlternation();
            if (_pos >= pattern.Length || pattern[_pos] != ')')
            {
                throw new NotSupportedException();
            }

            _pos++;
            return inner;
        }

        private void SkipGroupBody()
        {
            _ = ParseAlternation();
            if (_pos >= pattern.Length || pattern[_pos] != ')')
            {
                throw new NotSupportedException();
            }

            _pos++;
        }

        private Info ParseEscape()
        {
            _pos++;
            if (_pos >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            var c = pattern[_pos++];
            switch (c)
            {
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Info.Any;
                case 'p' or 'P':
                    SkipBraces();
                    return Info.Any;
                case 'b':
                    return new Info([Boundary], null);
                case 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Info.Empty;
                case >= '1' and <= '9' or 'k':
                    throw new NotSupportedException(); // backreferences: not linear-time anyway
                default:
                    return Char(EscapedChar(c));
            }
        }

        private void SkipBraces()
        {
            if (_pos < pattern.Length && pattern[_pos] == '{')
            {
                _pos = pattern.IndexOf('}', _pos) is var close and >= 0 ? close + 1 : throw new NotSupportedException();
            }
            else
            {
                _pos++; // \pL
            }
        }

        /// <summary>The character an escape stands for (<c>\n</c>, <c>\x41</c>, <c>\u0041</c>, <c>\.</c>, …); <c>_pos</c> is after the letter.</summary>
        private char EscapedChar(char c)
        {
            switch (c)
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'a': return '\a';
                case 'e': return '\u001b';
                case '0':
                    var octal = 0;
                    for (var i = 0; i < 2 && _pos < pattern.Length && pattern[_pos] is >= '0' and <= '7'; i++)
                    {
                        octal = (octal * 8) + (pattern[_pos++] - '0');
                    }

                    return (char)octal;
                case 'x':
                    return Hex(2);
                case 'u':
                    return Hex(4);
                case 'c':
                    return _pos < pattern.Length ? (char)(char.ToUpperInvariant(pattern[_pos++]) - '@') : throw new NotSupportedException();
                default:
                    return char.IsLetterOrDigit(c) ? throw new NotSupportedException() : c;
            }
        }

        private char Hex(int digits)
        {
            if (_pos + digits > pattern.Length
                || !int.TryParse(pattern.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                throw new NotSupportedException();
            }

            _pos += digits;
            return (char)value;
        }

        /// <summary>A character class: exact when it is a short explicit list, otherwise any character.</summary>
        private Info ParseClass()
        {
            _pos++; // [
            var negated = _pos < pattern.Length && pattern[_pos] == '^';
            if (negated)
            {
                _pos++;
            }

            var chars = new HashSet<char>();
            var wide = false;
            var first = true;
            while (true)
            {
                if (_pos >= pattern.Length)
                {
                    throw new NotSupportedException();
                }

                var c = pattern[_pos];
                if (c == ']' && !first)
                {
                    _pos++;
                    break;
                }

                first = false;
                if (c == '-' && _pos + 1 < pattern.Length && pattern[_pos + 1] == '[')
                {
                    // Class subtraction ([a-z-[l]]): the nested class ends the outer one; a subset of "any" is "any".
                    _pos++;
                    _ = ParseClass();
                    if (_pos >= pattern.Length || pattern[_pos] != ']')
                    {
                        throw new NotSupportedException();
                    }

                    _pos++;
                    return Info.Any;
                }

                char low;
                _pos++;
                if (c == '\\')
                {
                    if (_pos >= pattern.Length)
                    {
                        throw new NotSupportedException();
                    }

                    var e = pattern[_pos++];
                    if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S')
                    {
                        wide = true;
                        continue;
                    }

                    if (e is 'p' or 'P')
                    {
                        SkipBraces();
                        wide = true;
                        continue;
                    }

                    low = e == 'b' ? '\b' : EscapedChar(e);
                }
                else
                {
                    low = c;
                }

                if (_pos + 1 < pattern.Length && pattern[_pos] == '-' && pattern[_pos + 1] != ']')
                {
                    _pos++;
                    var hi = pattern[_pos++];
                    if (hi == '\\')
                    {
                        hi = _pos < pattern.Length ? EscapedChar(pattern[_pos++]) : throw new NotSupportedException();
                    }

                    if (hi - low > 8)
                    {
                        wide = true;
                        continue;
                    }

                    for (var x = low; x <= hi; x++)
                    {
                        chars.Add(char.ToLowerInvariant(x));
                    }

                    continue;
                }

                chars.Add(char.ToLowerInvariant(low));
            }

            if (negated || wide || chars.Count == 0 || chars.Count > 8)
            {
                return Info.Any;
            }

            return new Info([.. chars.Select(ch => ch.ToString())], null);
        }
    }
}

using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Compiles the regexes that are phrase lists in disguise (literal words, alternations, optional and repeated parts,
/// character classes with <c>\s</c>, <c>\w</c>, <c>\d</c>, <c>.</c>, <c>\b</c>, <c>^</c>, <c>$</c>) into a small Thompson
/// program for <see cref="PhrasePattern"/>. Anything else (look-arounds, back-references, lazy
/// repetition, a repeated group that can match empty, a branch that can match empty ahead of another, inline options, IgnoreCase beyond ASCII letters) is refused, and the caller keeps the
/// NonBacktracking regex: the subset is chosen so that the program matches exactly what the regex matches, at the same
/// places.
/// </summary>
internal sealed class PhraseProgramCompiler
{
    /// <summary>Largest program compiled (instructions); a larger pattern keeps its regex.</summary>
    private const int MaxInstructions = 8192;

    /// <summary>Largest count of a counted repetition that is unrolled (a larger one keeps the regex).</summary>
    private const int MaxCount = 64;

    private readonly string _pattern;
    private readonly List<PhraseInstruction> _program = [];
    private readonly List<PhraseClass> _classes = [];
    private int _at;

    private readonly bool _ignoreCase;

    private PhraseProgramCompiler(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _ignoreCase = ignoreCase;
    }

    /// <summary>The program for <paramref name="pattern"/>, or null when the pattern is outside the subset.</summary>
    public static (PhraseInstruction[] Program, PhraseClass[] Classes)? TryCompile(string pattern, RegexOptions options)
    {
        // The built-in patterns are compiled at build time (the engine's table image); others are compiled here.
        if (Tables.TableImage.Current is { } image && image.TryGetPhraseProgram(pattern, options, out var precompiled))
        {
            return precompiled;
        }

        Tables.TableRecorder.Current?.PhraseProgram(pattern, options);
        return Compile(pattern, options);
    }

    /// <summary><see cref="TryCompile"/> from the pattern (what the table image holds for the built-in patterns).</summary>
    internal static (PhraseInstruction[] Program, PhraseClass[] Classes)? Compile(string pattern, RegexOptions options)
    {
        // Only options that do not change what the subset matches (NonBacktracking is the engine this replaces;
        // CultureInvariant matters only with IgnoreCase; ExplicitCapture only to captures, which are not reported).
        // IgnoreCase only with CultureInvariant, where ASCII letters fold by a fixed table (see FoldedClass).
        var allowed = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;
        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        if ((options & ~allowed) != 0 || pattern.Length == 0 || (ignoreCase && (options & RegexOptions.CultureInvariant) == 0))
        {
            return null;
        }

        var compiler = new PhraseProgramCompiler(pattern, ignoreCase);
        try
        {
            var root = compiler.ParseAlternation();
            if (compiler._at != pattern.Length)
            {
                return null;
            }

            compiler.Emit(root);
            compiler.Add(new PhraseInstruction(PhraseOp.Match));
            return compiler._program.Count > MaxInstructions ? null : (compiler._program.ToArray(), compiler._classes.ToArray());
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private abstract record Node;

    private sealed record CharNode(char Value) : Node;

    private sealed record ClassNode(PhraseClass Class) : Node;

    private sealed record SpaceNode : Node;

    private sealed record AssertNode(PhraseOp Kind) : Node;

    private sealed record SequenceNode(List<Node> Items) : Node;

    private sealed record AlternationNode(List<Node> Branches) : Node;

    /// <summary>Max is -1 for no upper bound.</summary>
    private sealed record RepeatNode(Node Item, int Min, int Max) : Node;

    private Node ParseAlternation()
    {
        var branches = new List<Node> { ParseSequence() };
        while (_at < _pattern.Length && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(ParseSequence());
        }

        if (branches.Count == 1)
        {
            return branches[0];
        }

        // A branch that can match empty ahead of another branch: backtracking tries the empty path before the later
        // branches, but NonBacktracking (the engine this replaces) ranks every way of going on inside the group above
        // leaving it empty unless the group's first choice is to match nothing: x(a*|b)b on xbb is xbb for it and xb
        // for backtracking. A first branch that only ever matches empty (an empty branch, ^, \b) is ranked first by
        // both and stays (outside a repeated group: see ParseQuantifier); any other nullable branch that is not the last
        // keeps the regex.
        for (var i = 0; i < branches.Count - 1; i++)
        {
            if (Nullable(branches[i]) && !(i == 0 && OnlyEmpty(branches[i])))
            {
                throw new NotSupportedException("nullable alternation branch ahead of another");
            }
        }

        return new AlternationNode(branches);
    }

    /// <summary>True when <paramref name="node"/> matches nothing but the empty string (an empty branch, assertions).</summary>
    private static bool OnlyEmpty(Node node) => node switch
    {
        AssertNode => true,
        SequenceNode sequence => sequence.Items.All(OnlyEmpty),
        AlternationNode alternation => alternation.Branches.All(OnlyEmpty),
        RepeatNode repeat => repeat.Max == 0 || OnlyEmpty(repeat.Item),
        _ => false,
    };

    private Node ParseSequence()
    {
        var items = new List<Node>();
        while (_at < _pattern.Length && _pattern[_at] is not ('|' or ')'))
        {
            var atom = ParseAtom();
            items.Add(ParseQuantifier(atom));
        }

        return items.Count == 1 ? items[0] : new SequenceNode(items);
    }

    private Node ParseQuantifier(Node atom)
    {
        if (_at >= _pattern.Length || _pattern[_at] is not ('?' or '*' or '+' or '{'))
        {
            return atom;
        }

        var q = _pattern[_at++];
        int min, max;
        switch (q)
        {
            case '?':
                (min, max) = (0, 1);
                break;
            case '*':
                (min, max) = (0, -1);
                break;
            case '+':
                (min, max) = (1, -1);
                break;
            default:
                (min, max) = ParseCount();
                break;
        }

        if (_at < _pattern.Length && _pattern[_at] is '?' or '+')
        {
            throw new NotSupportedException("lazy or possessive repetition");
        }

        if (atom is AssertNode)
        {
            throw new NotSupportedException("quantified assertion");
        }

        // A loop over something that can match empty is where engines differ on empty iterations: keep the regex.
        if ((max < 0 || max > 1) && Nullable(atom))
        {
            throw new NotSupportedException("repeated empty-matching group");
        }

        // The exception below (a first branch that only matches empty) holds only once: in a group that repeats,
        // NonBacktracking again ranks going on inside it above leaving it empty ((a(|b)){0,2}b on abb: abb, not ab).
        if ((max < 0 || max > 1) && HasEmptyFirstBranch(atom))
        {
            throw new NotSupportedException("repeated group with an empty first branch");
        }

        return new RepeatNode(atom, min, max);
    }

    /// <summary>True when <paramref name="node"/> holds an alternation whose first branch can match empty.</summary>
    private static bool HasEmptyFirstBranch(Node node) => node switch
    {
        SequenceNode sequence => sequence.Items.Any(HasEmptyFirstBranch),
        AlternationNode alternation => Nullable(alternation.Branches[0]) || alternation.Branches.Any(HasEmptyFirstBranch),
        RepeatNode repeat => HasEmptyFirstBranch(repeat.Item),
        _ => false,
    };

    private (int Min, int Max) ParseCount()
    {
        var close = _pattern.IndexOf('}', _at);
        if (close < 0)
        {
            throw new NotSupportedException("literal brace");
        }

        var body = _pattern[_at..close];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        int min, max;
        if (comma < 0)
        {
            min = max = ParseNumber(body);
        }
        else
        {
            min = ParseNumber(body[..comma]);
            max = comma == body.Length - 1 ? -1 : ParseNumber(body[(comma + 1)..]);
        }

        if (min > MaxCount || max > MaxCount || (max >= 0 && max < min))
        {
            throw new NotSupportedException("large count");
        }

        _at = close + 1;
        return (min, max);
    }

    private static int ParseNumber(string text)
        => text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : throw new NotSupportedException("literal brace");

    private static bool Nullable(Node node) => node switch
    {
        CharNode or ClassNode or SpaceNode => false,
        AssertNode => true,
        SequenceNode sequence => sequence.Items.All(Nullable),
        AlternationNode alternation => alternation.Branches.Any(Nullable),
        RepeatNode repeat => repeat.Min == 0 || Nullable(repeat.Item),
        _ => true,
    };

    private Node ParseAtom()
    {
        var c = _pattern[_at++];
        switch (c)
        {
            case '(':
                if (_at < _pattern.Length && _pattern[_at] == '?')
                {
                    if (_at + 1 < _pattern.Length && _pattern[_at + 1] == ':')
                    {
                        _at += 2;
                    }
                    else if (_at + 2 < _pattern.Length && _pattern[_at + 1] == '<' && char.IsAsciiLetter(_pattern[_at + 2]) && _pattern.IndexOf('>', _at) is > 0 and var close)
                    {
                        // A named capture matches what its group matches; a caller that reads the capture asks the regex.
                        _at = close + 1;
                    }
                    else
                    {
                        throw new NotSupportedException("named group, look-around or inline option");
                    }
                }

                var inner = ParseAlternation();
                if (_at >= _pattern.Length || _pattern[_at] != ')')
                {
                    throw new NotSupportedException("unbalanced group");
                }

                _at++;
                return inner;
            case '[':
                return ParseClass();
            case '\\':
                return ParseEscape();
            case '^':
                return new AssertNode(PhraseOp.AssertBegin);
            case '$':
                return new AssertNode(PhraseOp.AssertEnd);
            case '.':
                return new ClassNode(new PhraseClass("\n\n", Space: false, Word: false, Digit: false, Negated: true));
            case '*' or '+' or '?' or '{' or ')' or ']' or '}':
                throw new NotSupportedException("stray metacharacter");
            default:
                return Literal(c);
        }
    }

    /// <summary>A literal character; under IgnoreCase an ASCII letter is the class of its case forms.</summary>
    private Node Literal(char c)
    {
        if (!_ignoreCase || !char.IsLetter(c))
        {
            return new CharNode(c);
        }

        return char.IsAsciiLetter(c) ? new ClassNode(new PhraseClass(FoldedRanges(c, c), false, false, false, false)) : throw new NotSupportedException("non-ASCII letter under IgnoreCase");
    }

    /// <summary>
    /// The ranges of the case forms of <paramref name="from"/>..<paramref name="to"/> under IgnoreCase and
    /// CultureInvariant: both ASCII cases, plus KELVIN SIGN for k, the one non-ASCII character .NET folds onto an ASCII
    /// letter (a test checks every letter against the engine).
    /// </summary>
    private static string FoldedRanges(char from, char to)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(from).Append(to);
        for (var c = from; c <= to && c < 128; c++)
        {
            if (char.IsAsciiLetter(c))
            {
                var other = char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                sb.Append(other).Append(other);
                if (c is 'k' or 'K')
                {
                    sb.Append('\u212A').Append('\u212A');
                }
            }
        }

        return sb.ToString();
    }

    private Node ParseEscape()
    {
        if (_at >= _pattern.Length)
        {
            throw new NotSupportedException("trailing backslash");
        }

        var c = _pattern[_at++];
        return c switch
        {
            's' => new SpaceNode(),
            'S' => new ClassNode(new PhraseClass(string.Empty, Space: true, Word: false, Digit: false, Negated: true)),
            'w' => new ClassNode(new PhraseClass(string.Empty, Space: false, Word: true, Digit: false, Negated: false)),
            'W' => new ClassNode(new PhraseClass(string.Empty, Space: false, Word: true, Digit: false, Negated: true)),
            'd' => new ClassNode(new PhraseClass(string.Empty, Space: false, Word: false, Digit: true, Negated: false)),
            'D' => new ClassNode(new PhraseClass(string.Empty, Space: false, Word: false, Digit: true, Negated: true)),
            'b' => new AssertNode(PhraseOp.AssertBoundary),
            'A' => new AssertNode(PhraseOp.AssertBegin),
            'Z' => new AssertNode(PhraseOp.AssertEnd),
            'z' => new AssertNode(PhraseOp.AssertEndOnly),
            'n' => new CharNode('\n'),
            't' => new CharNode('\t'),
            'r' => new CharNode('\r'),
            _ when char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127 => throw new NotSupportedException("class or special escape"),
            _ => new CharNode(c),
        };
    }

    private Node ParseClass()
    {
        var negated = false;
        if (_at < _pattern.Length && _pattern[_at] == '^')
        {
            negated = true;
            _at++;
        }

        if (_at < _pattern.Length && _pattern[_at] == ']')
        {
            throw new NotSupportedException("leading ]");
        }

        var ranges = new System.Text.StringBuilder();
        bool space = false, word = false, digit = false;
        while (true)
        {
            if (_at >= _pattern.Length)
            {
                throw new NotSupportedException("unterminated class");
            }

            var c = _pattern[_at++];
            if (c == ']')
            {
                break;
            }

            if (c == '[')
            {
                throw new NotSupportedException("class subtraction or nested class");
            }

            if (c == '\\')
            {
                if (_at >= _pattern.Length)
                {
                    throw new NotSupportedException("trailing backslash");
                }

                var e = _pattern[_at++];
                switch (e)
                {
                    case 's':
                        space = true;
                        continue;
                    case 'w':
                        word = true;
                        continue;
                    case 'd':
                        digit = true;
                        continue;
                }

                c = e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ when char.IsAsciiLetterOrDigit(e) || e == '_' || e > 127 => throw new NotSupportedException("class escape"),
                    _ => e,
                };
            }

            if (_at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                var last = _pattern[_at + 1];
                if (last is '\\' or '[' || last < c || (_ignoreCase && last > 127))
                {
                    throw new NotSupportedException("range");
                }

                _at += 2;
                ranges.Append(_ignoreCase ? FoldedRanges(c, last) : $"{c}{last}");
                continue;
            }

            if (_ignoreCase && c > 127 && char.IsLetter(c))
            {
                throw new NotSupportedException("non-ASCII letter under IgnoreCase");
            }

            ranges.Append(_ignoreCase ? FoldedRanges(c, c) : $"{c}{c}");
        }

        return new ClassNode(new PhraseClass(ranges.ToString(), space, word, digit, negated));
    }

    private void Emit(Node node)
    {
        if (_program.Count > MaxInstructions)
        {
            throw new NotSupportedException("program too large");
        }

        switch (node)
        {
            case CharNode ch:
                Add(new PhraseInstruction(PhraseOp.Char, ch.Value));
                break;
            case SpaceNode:
                Add(new PhraseInstruction(PhraseOp.Space));
                break;
            case ClassNode cls:
                _classes.Add(cls.Class);
                Add(new PhraseInstruction(PhraseOp.Class, X: _classes.Count - 1));
                break;
            case AssertNode assert:
                Add(new PhraseInstruction(assert.Kind));
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Emit(item);
                }

                break;
            case AlternationNode alternation:
                EmitAlternation(alternation.Branches);
                break;
            case RepeatNode repeat:
                EmitRepeat(repeat);
                break;
        }
    }

    private void EmitRepeat(RepeatNode repeat)
    {
        for (var i = 0; i < repeat.Min; i++)
        {
            Emit(repeat.Item);
        }

        if (repeat.Max < 0)
        {
            // Greedy loop: another round is tried before leaving, as in the backtracking order.
            var split = Add(new PhraseInstruction(PhraseOp.Split));
            Emit(repeat.Item);
            Add(new PhraseInstruction(PhraseOp.Jump, X: split));
            _program[split] = _program[split] with { X = split + 1, Y = _program.Count };
            return;
        }

        // Up to Max - Min optional rounds, each taken first (greedy), each only after the one before it.
        var exits = new List<int>();
        for (var i = repeat.Min; i < repeat.Max; i++)
        {
            exits.Add(Add(new PhraseInstruction(PhraseOp.Split)));
            Emit(repeat.Item);
        }

        foreach (var exit in exits)
        {
            _program[exit] = _program[exit] with { X = exit + 1, Y = _program.Count };
        }
    }

    private void EmitAlternation(List<Node> branches)
    {
        var jumps = new List<int>();
        for (var i = 0; i < branches.Count; i++)
        {
            if (i == branches.Count - 1)
            {
                Emit(branches[i]);
                break;
            }

            var split = Add(new PhraseInstruction(PhraseOp.Split));
            Emit(branches[i]);
            jumps.Add(Add(new PhraseInstruction(PhraseOp.Jump)));
            _program[split] = _program[split] with { X = split + 1, Y = _program.Count };
        }

        foreach (var jump in jumps)
        {
            _program[jump] = _program[jump] with { X = _program.Count };
        }
    }

    private int Add(PhraseInstruction instruction)
    {
        _program.Add(instruction);
        return _program.Count - 1;
    }
}

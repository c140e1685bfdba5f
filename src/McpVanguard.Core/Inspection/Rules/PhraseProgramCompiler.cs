using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Compiles the regexes that are phrase lists in disguise (literal words, optional groups, alternations, small character
/// classes, <c>\s</c> runs, <c>\b</c>, <c>^</c>, <c>$</c>) into a small Thompson program for <see cref="PhrasePattern"/>.
/// Anything else (<c>\w</c>, <c>.</c>, negated classes, counted or lazy repetition, captures read by name, look-arounds,
/// IgnoreCase) is refused, and the caller keeps the NonBacktracking regex: the subset is chosen so that the program
/// matches exactly what the regex matches, at the same places.
/// </summary>
internal sealed class PhraseProgramCompiler
{
    /// <summary>Largest program compiled (instructions); a larger pattern keeps its regex.</summary>
    private const int MaxInstructions = 8192;

    /// <summary>Largest character range expanded into a class (a wider range keeps the regex).</summary>
    private const int MaxRange = 128;

    private readonly string _pattern;
    private readonly List<PhraseInstruction> _program = [];
    private readonly List<string> _classes = [];
    private int _at;

    private PhraseProgramCompiler(string pattern) => _pattern = pattern;

    /// <summary>The program for <paramref name="pattern"/>, or null when the pattern is outside the subset.</summary>
    public static (PhraseInstruction[] Program, string[] Classes)? TryCompile(string pattern, RegexOptions options)
    {
        // Only options that do not change what the subset matches (NonBacktracking is the engine this replaces;
        // CultureInvariant matters only with IgnoreCase; ExplicitCapture only to captures, which are not reported).
        var allowed = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        if ((options & ~allowed) != 0 || pattern.Length == 0)
        {
            return null;
        }

        var compiler = new PhraseProgramCompiler(pattern);
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

    private sealed record ClassNode(string Members, bool Space) : Node;

    private sealed record SpaceNode : Node;

    private sealed record AssertNode(PhraseOp Kind) : Node;

    private sealed record SequenceNode(List<Node> Items) : Node;

    private sealed record AlternationNode(List<Node> Branches) : Node;

    private sealed record RepeatNode(Node Item, int Min, bool Unbounded) : Node;

    private Node ParseAlternation()
    {
        var branches = new List<Node> { ParseSequence() };
        while (_at < _pattern.Length && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(ParseSequence());
        }

        return branches.Count == 1 ? branches[0] : new AlternationNode(branches);
    }

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
        if (q == '{' || (_at < _pattern.Length && _pattern[_at] is '?' or '+'))
        {
            throw new NotSupportedException("counted, lazy or possessive repetition");
        }

        if (atom is AssertNode)
        {
            throw new NotSupportedException("quantified assertion");
        }

        if (q == '?')
        {
            return new RepeatNode(atom, 0, Unbounded: false);
        }

        // Unbounded repetition only of one character (a \s run): a phrase program then stays linear and exact.
        if (atom is not (CharNode or ClassNode or SpaceNode))
        {
            throw new NotSupportedException("repeated group");
        }

        return new RepeatNode(atom, q == '+' ? 1 : 0, Unbounded: true);
    }

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
            case '.' or '*' or '+' or '?' or '{' or ')' or ']' or '}':
                throw new NotSupportedException("wildcard or stray metacharacter");
            default:
                return new CharNode(c);
        }
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
            'b' => new AssertNode(PhraseOp.AssertBoundary),
            'n' => new CharNode('\n'),
            't' => new CharNode('\t'),
            'r' => new CharNode('\r'),
            _ when char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127 => throw new NotSupportedException("class or special escape"),
            _ => new CharNode(c),
        };
    }

    private Node ParseClass()
    {
        if (_at < _pattern.Length && _pattern[_at] is '^' or ']')
        {
            throw new NotSupportedException("negated class or leading ]");
        }

        var members = new SortedSet<char>();
        var space = false;
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
                if (e == 's')
                {
                    space = true;
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
            else if (_at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                var last = _pattern[_at + 1];
                if (last is '\\' or '[' || last < c || last - c > MaxRange)
                {
                    throw new NotSupportedException("range");
                }

                _at += 2;
                for (var r = c; r <= last; r++)
                {
                    members.Add(r);
                }

                continue;
            }

            members.Add(c);
        }

        return new ClassNode(string.Concat(members), space);
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
                _classes.Add(cls.Members);
                Add(new PhraseInstruction(cls.Space ? PhraseOp.ClassOrSpace : PhraseOp.Class, X: _classes.Count - 1));
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
            case RepeatNode { Unbounded: false } optional:
                {
                    // Greedy: taking the item is tried first, as the backtracking order the regex engines agree on.
                    var split = Add(new PhraseInstruction(PhraseOp.Split));
                    Emit(optional.Item);
                    _program[split] = _program[split] with { X = split + 1, Y = _program.Count };
                    break;
                }

            case RepeatNode { Min: 1 } plus:
                {
                    var start = _program.Count;
                    Emit(plus.Item);
                    Add(new PhraseInstruction(PhraseOp.Split, X: start, Y: _program.Count + 1));
                    break;
                }

            case RepeatNode star:
                {
                    var split = Add(new PhraseInstruction(PhraseOp.Split));
                    Emit(star.Item);
                    Add(new PhraseInstruction(PhraseOp.Jump, X: split));
                    _program[split] = _program[split] with { X = split + 1, Y = _program.Count };
                    break;
                }
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

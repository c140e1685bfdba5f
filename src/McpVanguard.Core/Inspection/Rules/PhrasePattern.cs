using System.Buffers;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A regex that is a phrase list in disguise (words, optional words, alternations, small classes, <c>\s</c> runs,
/// <c>\b</c>), run as a Thompson program by a Pike VM instead of a NonBacktracking automaton: built in microseconds and
/// a few KiB (the automaton costs 0.5–5 MiB and 2–150 ms to build), linear in the text (each character advances each
/// live program step once), and the same matches at the same places (leftmost, then the backtracking preference order,
/// which the .NET engines agree on). Candidate starts come from the literals every match begins with, found with
/// <see cref="SearchValues{T}"/>. Whether a text matches at all is answered by a lazily built DFA (<see cref="PhraseDfa"/>),
/// so a text of any length is matched without building a regex.
/// </summary>
public sealed class PhrasePattern
{
    /// <summary>Most distinct start strings used as the candidate filter (more: the first characters are used).</summary>
    private const int MaxStartStrings = 512;

    /// <summary>Length of the start strings (shorter paths end where the pattern stops being literal).</summary>
    private const int StartLength = 3;

    private readonly PhraseInstruction[] _program;
    private readonly PhraseClass[] _classes;
    private readonly SearchValues<string>? _startStrings;
    private readonly SearchValues<char>? _startChars;
    private PhraseDfa? _dfa;

    private PhrasePattern(PhraseInstruction[] program, PhraseClass[] classes)
    {
        _program = program;
        _classes = classes;
        var strings = StartStrings();
        if (strings is not null)
        {
            _startStrings = SearchValues.Create(strings.ToArray(), StringComparison.Ordinal);
        }
        else if (StartChars() is { } chars)
        {
            _startChars = SearchValues.Create(chars);
        }
    }

    /// <summary>The phrase program for <paramref name="pattern"/>, or null when the pattern needs a real regex.</summary>
    public static PhrasePattern? TryCreate(string pattern, RegexOptions options)
        => PhraseProgramCompiler.TryCompile(pattern, options) is { } compiled ? new PhrasePattern(compiled.Program, compiled.Classes) : null;

    /// <summary>The pattern of a compiled program (tests compare a program read from the table image with one compiled here).</summary>
    internal static PhrasePattern FromProgram(PhraseInstruction[] program, PhraseClass[] classes) => new(program, classes);

    /// <summary>Program steps (for tests and the memory probe).</summary>
    public int Size => _program.Length;

    /// <summary>Deterministic states built so far (for tests and the memory probe).</summary>
    public int DfaStates => _dfa?.StateCount ?? 0;

    /// <summary>
    /// The lazily built deterministic automaton: it answers whether a match exists with one table look-up per character,
    /// so text of any length (a 100 KB write) is matched in linear time without building a regex.
    /// </summary>
    private PhraseDfa Dfa
    {
        get
        {
            if (Volatile.Read(ref _dfa) is { } dfa)
            {
                return dfa;
            }

            Interlocked.CompareExchange(ref _dfa, new PhraseDfa(_program, _classes, _startStrings, _startChars), null);
            return _dfa!;
        }
    }

    /// <summary>True when the pattern matches somewhere in <paramref name="text"/>.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => Dfa.EarliestEnd(text, 0) >= 0;

    /// <summary>The first match at or after <paramref name="startAt"/> (what <see cref="Regex.Match(string, int)"/> finds).</summary>
    public bool TryMatch(ReadOnlySpan<char> text, int startAt, out int index, out int length)
    {
        // The automaton rules out text without a match cheaply; only text with one pays for the VM, which finds its
        // exact place (leftmost, then the backtracking preference order) in one linear pass.
        if (Dfa.EarliestEnd(text, startAt) < 0)
        {
            index = -1;
            length = 0;
            return false;
        }

        return Find(text, startAt, earliest: false, out index, out length);
    }

    /// <summary>True when the Pike VM finds a match (the reference the automaton is tested against).</summary>
    internal bool IsMatchByVm(ReadOnlySpan<char> text) => Find(text, 0, earliest: true, out _, out _);

    /// <summary>Every match, left to right, as <see cref="Regex.EnumerateMatches(ReadOnlySpan{char})"/> yields them.</summary>
    public PatternMatchEnumerator EnumerateMatches(ReadOnlySpan<char> text) => new(this, null, text);

    private bool Find(ReadOnlySpan<char> text, int startAt, bool earliest, out int index, out int length)
    {
        index = -1;
        length = 0;
        var n = _program.Length;
        var pool = ArrayPool<int>.Shared;
        var current = pool.Rent(n);
        var currentStarts = pool.Rent(n);
        var next = pool.Rent(n);
        var nextStarts = pool.Rent(n);
        var marks = pool.Rent(n);
        var stack = pool.Rent((2 * n) + 2);
        Array.Clear(marks, 0, n);
        try
        {
            var stamp = 0;
            var count = 0;
            var matchStart = -1;
            var matchEnd = -1;
            var position = startAt;
            var currentStamp = ++stamp;
            while (position <= text.Length)
            {
                if (matchStart < 0)
                {
                    if (count == 0)
                    {
                        position = NextCandidate(text, position);
                        if (position < 0)
                        {
                            break;
                        }

                        currentStamp = ++stamp;
                    }

                    // A new start is the least preferred thread: every earlier start, being more to the left, wins.
                    Add(text, position, 0, position, current, currentStarts, ref count, marks, currentStamp, stack);
                    if (count == 0)
                    {
                        // The candidate failed an assertion before reading anything: look further on.
                        position++;
                        continue;
                    }
                }
                else if (count == 0)
                {
                    break;
                }

                var nextStamp = ++stamp;
                var nextCount = 0;
                for (var i = 0; i < count; i++)
                {
                    var pc = current[i];
                    var step = _program[pc];
                    if (step.Op == PhraseOp.Match)
                    {
                        matchStart = currentStarts[i];
                        matchEnd = position;
                        if (earliest)
                        {
                            index = matchStart;
                            length = 0;
                            return true;
                        }

                        // Less preferred threads can no longer win.
                        break;
                    }

                    if (position < text.Length && Consumes(step, text[position]))
                    {
                        Add(text, position + 1, pc + 1, currentStarts[i], next, nextStarts, ref nextCount, marks, nextStamp, stack);
                    }
                }

                (current, next) = (next, current);
                (currentStarts, nextStarts) = (nextStarts, currentStarts);
                count = nextCount;
                currentStamp = nextStamp;
                position++;
            }

            if (matchStart < 0)
            {
                return false;
            }

            index = matchStart;
            length = matchEnd - matchStart;
            return true;
        }
        finally
        {
            pool.Return(current);
            pool.Return(currentStarts);
            pool.Return(next);
            pool.Return(nextStarts);
            pool.Return(marks);
            pool.Return(stack);
        }
    }

    /// <summary>Adds the thread at <paramref name="pc"/> and everything reachable from it without reading, in preference order.</summary>
    private void Add(ReadOnlySpan<char> text, int position, int pc, int start, int[] list, int[] starts, ref int count, int[] marks, int stamp, int[] stack)
    {
        var top = 0;
        stack[top++] = pc;
        while (top > 0)
        {
            var at = stack[--top];
            if (marks[at] == stamp)
            {
                continue;
            }

            marks[at] = stamp;
            var step = _program[at];
            switch (step.Op)
            {
                case PhraseOp.Jump:
                    stack[top++] = step.X;
                    break;
                case PhraseOp.Split:
                    stack[top++] = step.Y;
                    stack[top++] = step.X;
                    break;
                case PhraseOp.AssertBoundary:
                    if (IsWordAt(text, position - 1) != IsWordAt(text, position))
                    {
                        stack[top++] = at + 1;
                    }

                    break;
                case PhraseOp.AssertBegin:
                    if (position == 0)
                    {
                        stack[top++] = at + 1;
                    }

                    break;
                case PhraseOp.AssertEnd:
                    if (position == text.Length || (position == text.Length - 1 && text[position] == '\n'))
                    {
                        stack[top++] = at + 1;
                    }

                    break;
                case PhraseOp.AssertEndOnly:
                    if (position == text.Length)
                    {
                        stack[top++] = at + 1;
                    }

                    break;
                default:
                    list[count] = at;
                    starts[count] = start;
                    count++;
                    break;
            }
        }
    }

    private bool Consumes(PhraseInstruction step, char c) => Consumes(step, _classes, c);

    /// <summary>True when <paramref name="step"/> reads <paramref name="c"/>.</summary>
    internal static bool Consumes(PhraseInstruction step, PhraseClass[] classes, char c) => step.Op switch
    {
        PhraseOp.Char => c == step.Value,
        PhraseOp.Space => char.IsWhiteSpace(c),
        PhraseOp.Class => classes[step.X].Contains(c),
        _ => false,
    };

    private int NextCandidate(ReadOnlySpan<char> text, int position)
    {
        if (position > text.Length)
        {
            return -1;
        }

        var found = _startStrings is not null ? text[position..].IndexOfAny(_startStrings)
            : _startChars is not null ? text[position..].IndexOfAny(_startChars)
            : 0;
        return found < 0 ? -1 : position + found;
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int index) => (uint)index < (uint)text.Length && IsBoundaryWordChar(text[index]);

    /// <summary>A word character for <c>\b</c> as .NET's regex engines define it: <c>\w</c> plus the zero-width (non-)joiners.</summary>
    internal static bool IsBoundaryWordChar(char c)
        => c is '\u200C' or '\u200D' || PhraseClass.IsWordChar(c);

    /// <summary>The strings of <see cref="StartLength"/> characters (fewer where the literal part ends) every match begins with; null when some match may begin with fewer than two fixed characters.</summary>
    private List<string>? StartStrings()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var budget = 20_000;
        return Walk(0, string.Empty) ? [.. found] : null;

        bool Walk(int pc, string prefix)
        {
            if (--budget < 0 || found.Count > MaxStartStrings)
            {
                return false;
            }

            if (prefix.Length == StartLength)
            {
                found.Add(prefix);
                return true;
            }

            var step = _program[pc];
            switch (step.Op)
            {
                case PhraseOp.Char:
                    return Walk(pc + 1, prefix + step.Value);
                case PhraseOp.Jump:
                    return Walk(step.X, prefix);
                case PhraseOp.Split:
                    return Walk(step.X, prefix) && Walk(step.Y, prefix);
                case PhraseOp.AssertBoundary or PhraseOp.AssertBegin or PhraseOp.AssertEnd or PhraseOp.AssertEndOnly:
                    return Walk(pc + 1, prefix);
                default:
                    if (prefix.Length < 2)
                    {
                        return false;
                    }

                    found.Add(prefix);
                    return true;
            }
        }
    }

    /// <summary>The characters every match begins with; null when a match may be empty or begin with any of a large class.</summary>
    private string? StartChars()
    {
        var chars = new SortedSet<char>();
        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(0);
        while (pending.Count > 0)
        {
            var pc = pending.Pop();
            if (!seen.Add(pc))
            {
                continue;
            }

            var step = _program[pc];
            switch (step.Op)
            {
                case PhraseOp.Char:
                    chars.Add(step.Value);
                    break;
                case PhraseOp.Class when _classes[step.X].Members() is { } members:
                    chars.UnionWith(members);
                    break;
                case PhraseOp.Space:
                    chars.UnionWith(PhraseClass.WhiteSpace);
                    break;
                case PhraseOp.Jump:
                    pending.Push(step.X);
                    break;
                case PhraseOp.Split:
                    pending.Push(step.X);
                    pending.Push(step.Y);
                    break;
                case PhraseOp.AssertBoundary or PhraseOp.AssertBegin or PhraseOp.AssertEnd or PhraseOp.AssertEndOnly:
                    pending.Push(pc + 1);
                    break;
                default:
                    return null;
            }
        }

        return string.Concat(chars);
    }

    /// <summary>Enumerates matches of a <see cref="PhrasePattern"/> or, for a pattern outside the subset, of its regex.</summary>
    public ref struct PatternMatchEnumerator
    {
        private readonly PhrasePattern? _phrase;
        private readonly ReadOnlySpan<char> _text;
        private readonly bool _none;
        private Regex.ValueMatchEnumerator _regex;
        private int _position;

        /// <param name="regex">The regex that finds the matches when <paramref name="phrase"/> is null; when both are null, there are none.</param>
        internal PatternMatchEnumerator(PhrasePattern? phrase, Regex? regex, ReadOnlySpan<char> text)
        {
            _phrase = phrase;
            _text = text;
            _none = phrase is null && regex is null;
            _regex = regex is null ? default : regex.EnumerateMatches(text);
        }

        public PatternMatch Current { get; private set; }

        public readonly PatternMatchEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_phrase is null)
            {
                if (_none || !_regex.MoveNext())
                {
                    return false;
                }

                Current = new PatternMatch(_regex.Current.Index, _regex.Current.Length);
                return true;
            }

            if (_position > _text.Length || !_phrase.TryMatch(_text, _position, out var index, out var length))
            {
                _position = _text.Length + 1;
                return false;
            }

            Current = new PatternMatch(index, length);

            // After an empty match the next search starts one further on, as the regex engines do.
            _position = length == 0 ? index + 1 : index + length;
            return true;
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The deterministic automaton of a phrase program, built lazily one state at a time (subset construction on demand, as
/// RE2 and ripgrep do): answers "is there a match at or after this position, and where does the earliest one end" with
/// one table look-up per character, where the Pike VM steps every live thread. A state is the set of program steps
/// waiting for the next character plus whether the previous character was a word character (what <c>\b</c> needs);
/// <c>^</c> and <c>$</c> depend on the position, so those few positions are computed without the cache.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxStates"/> shared states and <see cref="MaxOtherTransitions"/> cached transitions on
/// characters beyond ASCII per pattern; past either, states and transitions are computed afresh (linear still, as slow
/// as the VM). Thread-safe: states are added under a lock; transitions are published references read without one.
/// </remarks>
internal sealed class PhraseDfa
{
    private const int MaxStates = 256;

    private const int MaxOtherTransitions = 4096;

    /// <summary>The target of a transition whose closure reached the end of the program: a match ends before the character.</summary>
    private static readonly DfaState MatchBefore = new([], prevWord: false);

    private readonly PhraseInstruction[] _program;
    private readonly PhraseClass[] _classes;
    private readonly bool _usesEnd;
    private readonly Dictionary<string, DfaState> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly DfaState _emptyAfterOther;
    private readonly DfaState _emptyAfterWord;

    /// <summary>Transitions at the first position of a text (where <c>^</c> holds) from the empty state, by ASCII character.</summary>
    private readonly DfaState?[] _atBegin = new DfaState?[128];
    private int _otherTransitions;

    private readonly SearchValues<string>? _startStrings;
    private readonly SearchValues<char>? _startChars;

    /// <param name="startStrings">Strings every match begins with, or null.</param>
    /// <param name="startChars">Otherwise characters every match begins with, or null (a match may begin anywhere).</param>
    public PhraseDfa(PhraseInstruction[] program, PhraseClass[] classes, SearchValues<string>? startStrings, SearchValues<char>? startChars)
    {
        _program = program;
        _classes = classes;
        _startStrings = startStrings;
        _startChars = startChars;
        _usesEnd = Array.Exists(program, s => s.Op is PhraseOp.AssertEnd);
        _emptyAfterOther = Intern([], prevWord: false);
        _emptyAfterWord = Intern([], prevWord: true);
    }

    /// <summary>States built so far (for tests and the memory probe).</summary>
    public int StateCount
    {
        get
        {
            lock (_gate)
            {
                return _states.Count;
            }
        }
    }

    /// <summary>The end of the earliest-ending match at or after <paramref name="startAt"/>, or -1.</summary>
    public int EarliestEnd(ReadOnlySpan<char> text, int startAt)
    {
        var state = Empty(text, startAt);
        for (var p = startAt; p < text.Length; p++)
        {
            if (ReferenceEquals(state, _emptyAfterOther) || ReferenceEquals(state, _emptyAfterWord))
            {
                // Nothing pending: only a new match can begin, and only where its start strings occur.
                var q = NextCandidate(text, p);
                if (q < 0)
                {
                    return -1;
                }

                if (q != p)
                {
                    p = q;
                    state = Empty(text, q);
                    if (p >= text.Length)
                    {
                        break;
                    }
                }
            }

            var c = text[p];
            DfaState? next;
            if (p == 0 || (_usesEnd && c == '\n' && p == text.Length - 1))
            {
                // ^ holds only at 0 and $ before a final line feed only there: not a property of the state, so kept apart
                // from the state's own transitions (every text starts at 0, and many end with a line feed).
                next = PositionalStep(state, c, atBegin: p == 0, beforeFinalNewline: p == text.Length - 1 && c == '\n');
            }
            else
            {
                next = c < 128 ? Volatile.Read(ref state.Ascii[c]) : state.Other?.GetValueOrDefault(c);
                next ??= Step(state, c, atBegin: false, beforeFinalNewline: false, cache: true);
            }

            if (ReferenceEquals(next, MatchBefore))
            {
                return p;
            }

            state = next;
        }

        return AcceptsAtEnd(state, atBegin: text.Length == 0) ? text.Length : -1;
    }

    /// <summary>
    /// Whether a match ends at the end of the text in <paramref name="state"/>: a property of the state (kept on it), except
    /// for the empty text. Every text without a match asks it, so it must not cost an allocation each time.
    /// </summary>
    private bool AcceptsAtEnd(DfaState state, bool atBegin)
    {
        if (!atBegin && Volatile.Read(ref state.AtEnd) is var known and not 0)
        {
            return known > 0;
        }

        var accepts = Close(state.Kernel, state.PrevWord, curWord: false, atBegin, atEnd: true, beforeFinalNewline: false, new bool[_program.Length], consuming: null);
        if (!atBegin)
        {
            Volatile.Write(ref state.AtEnd, accepts ? 1 : -1);
        }

        return accepts;
    }

    /// <summary>
    /// The transition at the first position (where <c>^</c> holds) or on a final line feed (where <c>$</c> holds), kept apart
    /// from the state's ordinary transitions: the first position from the empty state by ASCII character, the final line
    /// feed on the state itself. Other cases (a first character beyond ASCII, a one-character text) are computed afresh.
    /// </summary>
    private DfaState PositionalStep(DfaState state, char c, bool atBegin, bool beforeFinalNewline)
    {
        if (atBegin && !beforeFinalNewline && c < 128 && ReferenceEquals(state, _emptyAfterOther))
        {
            return Volatile.Read(ref _atBegin[c]) ?? Remember(ref _atBegin[c], Step(state, c, atBegin: true, beforeFinalNewline: false, cache: false));
        }

        if (!atBegin && beforeFinalNewline)
        {
            return Volatile.Read(ref state.FinalNewline) ?? Remember(ref state.FinalNewline, Step(state, c, atBegin: false, beforeFinalNewline: true, cache: false));
        }

        return Step(state, c, atBegin, beforeFinalNewline, cache: false);

        static DfaState Remember(ref DfaState? slot, DfaState result)
        {
            Volatile.Write(ref slot, result);
            return result;
        }
    }

    private int NextCandidate(ReadOnlySpan<char> text, int position)
    {
        var found = _startStrings is not null ? text[position..].IndexOfAny(_startStrings)
            : _startChars is not null ? text[position..].IndexOfAny(_startChars)
            : 0;
        return found < 0 ? -1 : position + found;
    }

    private DfaState Empty(ReadOnlySpan<char> text, int position)
        => position > 0 && position <= text.Length && PhrasePattern.IsBoundaryWordChar(text[position - 1]) ? _emptyAfterWord : _emptyAfterOther;

    /// <summary>The transition from <paramref name="state"/> on <paramref name="c"/>: <see cref="MatchBefore"/> or the next state.</summary>
    private DfaState Step(DfaState state, char c, bool atBegin, bool beforeFinalNewline, bool cache)
    {
        var marks = new bool[_program.Length];
        var consuming = new List<int>();
        var curWord = PhrasePattern.IsBoundaryWordChar(c);
        DfaState result;
        if (Close(state.Kernel, state.PrevWord, curWord, atBegin, atEnd: false, beforeFinalNewline: beforeFinalNewline && c == '\n', marks, consuming))
        {
            result = MatchBefore;
        }
        else
        {
            var kernel = new SortedSet<int>();
            foreach (var pc in consuming)
            {
                if (PhrasePattern.Consumes(_program[pc], _classes, c))
                {
                    kernel.Add(pc + 1);
                }
            }

            result = Intern([.. kernel], curWord);
        }

        if (cache)
        {
            Remember(state, c, result);
        }

        return result;
    }

    private void Remember(DfaState state, char c, DfaState result)
    {
        if (c < 128)
        {
            Volatile.Write(ref state.Ascii[c], result);
            return;
        }

        if (Interlocked.Increment(ref _otherTransitions) <= MaxOtherTransitions)
        {
            if (state.Other is null)
            {
                lock (_gate)
                {
                    state.Other ??= new ConcurrentDictionary<char, DfaState>();
                }
            }

            state.Other.TryAdd(c, result);
        }
    }

    /// <summary>The state (<paramref name="kernel"/>, <paramref name="prevWord"/>), shared when the table has room, else a fresh one of its own.</summary>
    private DfaState Intern(int[] kernel, bool prevWord)
    {
        var key = Key(kernel, prevWord);
        lock (_gate)
        {
            if (_states.TryGetValue(key, out var state))
            {
                return state;
            }

            state = new DfaState(kernel, prevWord);
            if (_states.Count < MaxStates)
            {
                _states[key] = state;
            }

            return state;
        }
    }

    private static string Key(int[] kernel, bool prevWord)
    {
        var chars = new char[(kernel.Length * 2) + 1];
        chars[0] = prevWord ? 'w' : 'o';
        for (var i = 0; i < kernel.Length; i++)
        {
            chars[1 + (2 * i)] = (char)(kernel[i] >> 16);
            chars[2 + (2 * i)] = (char)kernel[i];
        }

        return new string(chars);
    }

    /// <summary>
    /// Follows every step reachable without reading from the pending steps and a new start, at one position; collects the
    /// steps that read a character into <paramref name="consuming"/>. True when the end of the program is reached.
    /// </summary>
    private bool Close(int[] kernel, bool prevWord, bool curWord, bool atBegin, bool atEnd, bool beforeFinalNewline, bool[] marks, List<int>? consuming)
    {
        var stack = new Stack<int>(kernel.Length + 1);
        stack.Push(0);
        foreach (var pc in kernel)
        {
            stack.Push(pc);
        }

        while (stack.Count > 0)
        {
            var at = stack.Pop();
            if (marks[at])
            {
                continue;
            }

            marks[at] = true;
            var step = _program[at];
            switch (step.Op)
            {
                case PhraseOp.Match:
                    return true;
                case PhraseOp.Jump:
                    stack.Push(step.X);
                    break;
                case PhraseOp.Split:
                    stack.Push(step.Y);
                    stack.Push(step.X);
                    break;
                case PhraseOp.AssertBoundary:
                    if (prevWord != curWord)
                    {
                        stack.Push(at + 1);
                    }

                    break;
                case PhraseOp.AssertBegin:
                    if (atBegin)
                    {
                        stack.Push(at + 1);
                    }

                    break;
                case PhraseOp.AssertEnd:
                    if (atEnd || beforeFinalNewline)
                    {
                        stack.Push(at + 1);
                    }

                    break;
                case PhraseOp.AssertEndOnly:
                    if (atEnd)
                    {
                        stack.Push(at + 1);
                    }

                    break;
                default:
                    consuming?.Add(at);
                    break;
            }
        }

        return false;
    }

    /// <summary>One state: the steps waiting for the next character, and whether the previous character was a word character.</summary>
    private sealed class DfaState(int[] kernel, bool prevWord)
    {
        public int[] Kernel { get; } = kernel;

        public bool PrevWord { get; } = prevWord;

        /// <summary>Transitions on ASCII characters (null until computed).</summary>
        public readonly DfaState?[] Ascii = new DfaState?[128];

        /// <summary>Transitions on other characters, while the pattern's budget for them lasts.</summary>
        public ConcurrentDictionary<char, DfaState>? Other;

        /// <summary>The transition on a line feed that ends the text (where <c>$</c> holds), once computed.</summary>
        public DfaState? FinalNewline;

        /// <summary>Whether a match ends at the end of a (non-empty) text in this state: 0 unknown, 1 yes, −1 no.</summary>
        public int AtEnd;
    }
}

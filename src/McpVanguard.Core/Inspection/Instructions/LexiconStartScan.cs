using System.Numerics;
using System.Runtime.InteropServices;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The lexicon's terms found by walking its trie only from the places a term can start, instead of running the
/// Aho–Corasick automaton over every character: a term of a spaced script (Latin, Greek, Cyrillic, Armenian) must start a
/// word, so the rest of every word is passed over at one table look-up per character; a term of another script (Han,
/// kana, Hangul) or one starting with a mark may start anywhere its first character stands. It finds the same occurrences as
/// <see cref="LiteralAutomaton.ScanOccurrences"/> over the folded text with the lexicon's boundary test (a test compares
/// them over every shipped text), folding each character as it reads it, so no folded copy of the text is made.
/// </summary>
/// <remarks>
/// The automaton's pass cost ~7 ns per character whatever its table layout: its working set (27,933 states) is what it
/// is bound by. Here a character costs one look-up in a 128-entry table, and a walk from a word's start touches ~3 states.
/// </remarks>
internal sealed class LexiconStartScan
{
    /// <summary>What an ASCII character is to the scan: nothing, a word character (letters and digits), or a term's first character outside words.</summary>
    private const byte AsciiOther = 0;
    private const byte AsciiWord = 1;
    private const byte AsciiStarter = 2;

    private readonly LiteralAutomaton _automaton;
    private readonly (int[] Concepts, bool Start, bool End)[] _literals;

    /// <summary>Per ASCII character, its kind (<see cref="AsciiWord"/>, <see cref="AsciiStarter"/> or <see cref="AsciiOther"/>).</summary>
    private readonly byte[] _asciiKind;

    /// <summary>Per ASCII character, the automaton's column of its folded form: one look-up instead of two on the usual text.</summary>
    private readonly ushort[] _asciiColumn;

    /// <summary>Per state, whether some term ends exactly there (its output list is read only then).</summary>
    private readonly bool[] _endsTerm;

    /// <summary>The same kinds, sixteen ASCII characters at a time; null where the processor cannot (then one look-up per character).</summary>
    private readonly AsciiKindMasks? _masks;

    private LexiconStartScan(LiteralAutomaton automaton, (int[] Concepts, bool Start, bool End)[] literals, byte[] asciiKind, ushort[] asciiColumn, bool[] endsTerm)
    {
        _masks = AsciiKindMasks.IsSupported ? new AsciiKindMasks(c => asciiKind[c] == AsciiWord, c => asciiKind[c] == AsciiStarter) : null;
        _automaton = automaton;
        _literals = literals;
        _asciiKind = asciiKind;
        _asciiColumn = asciiColumn;
        _endsTerm = endsTerm;
    }

    /// <summary>
    /// The scan for a lexicon, or null when its shape does not allow skipping (a dense automaton, boundary-marked
    /// literals, or a term of a spaced script that need not start a word): the caller then runs the automaton's full pass.
    /// </summary>
    public static LexiconStartScan? TryCreate(LiteralAutomaton automaton, IReadOnlyList<string> terms, (int[] Concepts, bool Start, bool End)[] literals)
    {
        if (!automaton.WalksTrie || terms.Count != literals.Length || terms.Count != automaton.Count)
        {
            return null;
        }

        for (var literal = 0; literal < terms.Count; literal++)
        {
            // Inside a word only terms that start with a character of no word may begin; every other term must say so.
            if (automaton.HasBoundaryMarks(literal) || terms[literal].Length == 0 || (LexiconFolding.IsSpacedScriptLetter(terms[literal][0]) && !literals[literal].Start))
            {
                return null;
            }
        }

        var asciiKind = new byte[128];
        var asciiColumn = new ushort[128];
        for (var c = (char)0; c < 128; c++)
        {
            asciiColumn[c] = (ushort)automaton.ColumnOf(LexiconFolding.Folded(c));
            asciiKind[c] = IsWord(c) ? AsciiWord : StartsTerm(automaton, c) ? AsciiStarter : AsciiOther;
        }

        var endsTerm = new bool[automaton.States];
        foreach (var term in terms)
        {
            var state = 0;
            foreach (var c in term)
            {
                state = automaton.TrieChild(state, automaton.ColumnOf(c));
            }

            endsTerm[state] = true;
        }

        return new LexiconStartScan(automaton, literals, asciiKind, asciiColumn, endsTerm);
    }

    /// <summary>Whether <paramref name="c"/> folds to a letter of a spaced script: the lexicon's word characters.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsWord(char c) => LexiconFolding.IsSpacedScriptLetter(LexiconFolding.Folded(c));

    private static bool StartsTerm(LiteralAutomaton automaton, char c) => automaton.TrieChild(0, automaton.ColumnOf(LexiconFolding.Folded(c))) != 0;

    /// <summary>
    /// Adds every term occurrence of <paramref name="text"/> to <paramref name="found"/> as (literal, index of its last
    /// character); false when <paramref name="max"/> occurrences were reached (the caller then runs the full pass, whose
    /// order decides which ones the bound keeps).
    /// </summary>
    public bool TryScan(string text, List<(int Literal, int Last)> found, int max)
        => _masks is { } masks && text.Length >= AsciiKindMasks.Block ? TryScanBlocks(masks, text, found, max) : TryScanCharacters(text, found, max);

    /// <summary>The same, one character at a time (what the block scan must agree with: tests compare them).</summary>
    internal bool TryScanCharacters(string text, List<(int Literal, int Last)> found, int max)
    {
        var previousWord = false;
        return ScanRange(text, 0, text.Length, ref previousWord, found, max);
    }

    /// <summary>
    /// Sixteen characters at a time: two masks (word characters, term starters) per ASCII block, then a walk from each
    /// word start and each starter, in text order (the occurrences come out in the order of the character scan). A block
    /// holding a character that is not ASCII is read character by character.
    /// </summary>
    private bool TryScanBlocks(AsciiKindMasks masks, string text, List<(int Literal, int Last)> found, int max)
    {
        ref var chars = ref MemoryMarshal.GetReference(text.AsSpan());
        var previousWord = false;
        var position = 0;
        for (; position <= text.Length - AsciiKindMasks.Block; position += AsciiKindMasks.Block)
        {
            if (!masks.TryClassify(ref chars, position, out var word, out var starter))
            {
                if (!ScanRange(text, position, position + AsciiKindMasks.Block, ref previousWord, found, max))
                {
                    return false;
                }

                continue;
            }

            // A word character starts a walk when the one before it is not one; a starter always does (the kinds are exclusive).
            var walks = (word & ~((word << 1) | (previousWord ? 1u : 0u))) | starter;
            previousWord = (word & (1u << (AsciiKindMasks.Block - 1))) != 0;
            while (walks != 0)
            {
                var at = position + BitOperations.TrailingZeroCount(walks);
                walks &= walks - 1;
                if (!WalkFrom(text, at, found, max))
                {
                    return false;
                }
            }
        }

        return ScanRange(text, position, text.Length, ref previousWord, found, max);
    }

    /// <summary>The character scan of <c>text[from..to]</c>, given whether the character before <paramref name="from"/> is a word character.</summary>
    private bool ScanRange(string text, int from, int to, ref bool previousWord, List<(int Literal, int Last)> found, int max)
    {
        // One table look-up per ASCII character says what it is; a walk starts only at a word's first character or at a
        // character that starts a term of its own. (A vectorised skip over each word measured slower on source text, whose
        // words are a few characters long: 238 against 98 µs per 100 KB for the skipping alone.)
        var kinds = _asciiKind;
        for (var position = from; position < to; position++)
        {
            var c = text[position];
            bool word;
            bool walk;
            if (c < 128)
            {
                var kind = kinds[c];
                word = kind == AsciiWord;
                walk = word ? !previousWord : kind == AsciiStarter;
            }
            else
            {
                word = IsWord(c);
                walk = !word || !previousWord;
            }

            previousWord = word;
            if (walk && !WalkFrom(text, position, found, max))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks the trie from the root at <paramref name="start"/>, adding the terms that start there; false at the bound.</summary>
    private bool WalkFrom(string text, int start, List<(int Literal, int Last)> found, int max)
    {
        var automaton = _automaton;
        var asciiColumn = _asciiColumn;
        var endsTerm = _endsTerm;
        var state = 0;
        for (var position = start; position < text.Length; position++)
        {
            var c = text[position];
            var column = c < 128 ? asciiColumn[c] : automaton.ColumnOf(LexiconFolding.Folded(c));
            state = column == 0 ? 0 : automaton.TrieChild(state, column);
            if (state == 0)
            {
                return true;
            }

            if (!endsTerm[state])
            {
                continue;
            }

            var depth = position - start + 1;
            foreach (var literal in automaton.OutputsOf(state))
            {
                if (automaton.LengthOf(literal) == depth && HoldsBoundaries(text, literal, start, position))
                {
                    found.Add((literal, position));
                    if (found.Count >= max)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The lexicon's boundary test, on the unfolded text (a character is a word character when its folded form is).</summary>
    private bool HoldsBoundaries(string text, int literal, int start, int last)
    {
        var (_, needStart, needEnd) = _literals[literal];
        return !(needStart && start > 0 && IsWord(text[start - 1]))
            && !(needEnd && last + 1 < text.Length && IsWord(text[last + 1]));
    }
}

using System.Buffers;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The lexicon's terms found by walking its trie only from the places a term can start, instead of running the
/// Aho–Corasick automaton over every character: a term of a spaced script (Latin, Greek, Cyrillic, Armenian) must start a
/// word, so the rest of every word is skipped with a vectorised search; a term of another script (Han, kana, Hangul) or
/// one starting with a mark may start anywhere its first character stands. It finds the same occurrences as
/// <see cref="LiteralAutomaton.ScanOccurrences"/> over the folded text with the lexicon's boundary test (a test compares
/// them over every shipped text), folding each character as it reads it, so no folded copy of the text is made.
/// </summary>
/// <remarks>
/// The automaton's pass cost ~7 ns per character whatever its table layout: its working set (27,933 states) is what it
/// is bound by. Here a character inside a word costs a share of one vector compare, and a walk touches a few states.
/// </remarks>
internal sealed class LexiconStartScan
{
    /// <summary>ASCII characters that stay inside a word: letters and digits (their folded forms are spaced-script letters).</summary>
    private static readonly SearchValues<char> AsciiWordCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly LiteralAutomaton _automaton;
    private readonly (int[] Concepts, bool Start, bool End)[] _literals;

    /// <summary>ASCII characters that neither belong to a word nor start a term: skipped between words.</summary>
    private readonly SearchValues<char> _asciiSkipped;

    private LexiconStartScan(LiteralAutomaton automaton, (int[] Concepts, bool Start, bool End)[] literals, SearchValues<char> asciiSkipped)
    {
        _automaton = automaton;
        _literals = literals;
        _asciiSkipped = asciiSkipped;
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

        var skipped = new List<char>();
        for (var c = (char)0; c < 128; c++)
        {
            if (!IsWord(c) && !StartsTerm(automaton, c))
            {
                skipped.Add(c);
            }
        }

        return new LexiconStartScan(automaton, literals, SearchValues.Create(skipped.ToArray()));
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
    {
        var length = text.Length;
        var position = 0;
        while (position < length)
        {
            var skip = text.AsSpan(position).IndexOfAnyExcept(_asciiSkipped);
            if (skip < 0)
            {
                break;
            }

            position += skip;
            if (IsWord(text[position]))
            {
                // A word's start: the spaced-script terms start here or nowhere in this word.
                if (!WalkFrom(text, position, found, max))
                {
                    return false;
                }

                position = EndOfWord(text, position + 1);
                continue;
            }

            if (!WalkFrom(text, position, found, max))
            {
                return false;
            }

            position++;
        }

        return true;
    }

    /// <summary>The first position at or after <paramref name="from"/> that is not a word character.</summary>
    private static int EndOfWord(string text, int from)
    {
        while (from < text.Length)
        {
            var rest = text.AsSpan(from).IndexOfAnyExcept(AsciiWordCharacters);
            if (rest < 0)
            {
                return text.Length;
            }

            from += rest;
            if (!IsWord(text[from]))
            {
                return from;
            }

            from++;
        }

        return from;
    }

    /// <summary>Walks the trie from the root at <paramref name="start"/>, adding the terms that start there; false at the bound.</summary>
    private bool WalkFrom(string text, int start, List<(int Literal, int Last)> found, int max)
    {
        var automaton = _automaton;
        var state = 0;
        for (var position = start; position < text.Length; position++)
        {
            var column = automaton.ColumnOf(LexiconFolding.Folded(text[position]));
            state = column == 0 ? 0 : automaton.TrieChild(state, column);
            if (state == 0)
            {
                return true;
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

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The literal gate of each top-level alternative of a pattern, checked before its regex is built or run. A pattern's own
/// gate (<see cref="RequiredLiterals.ExtractAll"/> of the whole) is a union over its alternatives, so one common word of one
/// alternative opens it for every text holding that word: a server named <c>vanguard-demo-server</c> passed the gate of a
/// nine-alternative tool-preference pattern through the word "server" and built its ~20 ms NonBacktracking automaton during
/// the handshake. A match of <c>A|B|C</c> is a match of one alternative and holds that alternative's literals, so a text
/// that meets no alternative's gate cannot match, and the regex is neither built nor run for it.
/// </summary>
internal sealed class BranchGate
{
    /// <summary>The most alternatives gated one by one; a longer alternation keeps its whole-pattern gate only.</summary>
    internal const int MaxBranches = 64;

    [ThreadStatic]
    private static (PrefilterScratch Scratch, List<int> Candidates)? t_scratch;

    private readonly LiteralPrefilter _prefilter;

    private BranchGate(LiteralPrefilter prefilter) => _prefilter = prefilter;

    /// <summary>
    /// The gate of <paramref name="pattern"/>'s alternatives, or null when it would reject nothing the whole-pattern gate
    /// does not: one alternative, an alternative with no required literal, or a pattern this reading cannot split.
    /// </summary>
    public static BranchGate? TryCreate(string pattern)
    {
        if (TopLevelBranches(pattern) is not { Count: > 1 and <= MaxBranches } branches)
        {
            return null;
        }

        var sets = new List<(IReadOnlyList<IReadOnlyList<string>> Sets, int Index)>(branches.Count);
        foreach (var branch in branches)
        {
            var required = RequiredLiterals.ExtractAll(branch);
            if (required.Count == 0)
            {
                return null;
            }

            sets.Add((required, sets.Count));
        }

        return new BranchGate(new LiteralPrefilter(sets, sets.Count, ignoreCase: true));
    }

    /// <summary>False when no alternative's literals all occur in <paramref name="text"/>: the pattern cannot match it.</summary>
    public bool MayMatch(ReadOnlySpan<char> text)
    {
        var (scratch, candidates) = t_scratch ??= (new PrefilterScratch(MaxBranches), []);
        candidates.Clear();
        scratch.BeginString();
        _prefilter.Collect(text, scratch, candidates);
        return candidates.Count > 0;
    }

    /// <summary>
    /// The top-level alternatives of a .NET regex source (split at each <c>|</c> outside groups and character classes), or
    /// null when the source is not balanced as this reading understands it (the caller then keeps the whole-pattern gate).
    /// </summary>
    internal static List<string>? TopLevelBranches(string pattern)
    {
        var branches = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = ClassEnd(pattern, i);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                case '(' when string.CompareOrdinal(pattern, i, "(?#", 0, 3) == 0:
                    // A comment runs to the first ')', whatever it holds.
                    i = pattern.IndexOf(')', i);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        return null;
                    }

                    break;
                case '|' when depth == 0:
                    branches.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        if (depth != 0)
        {
            return null;
        }

        branches.Add(pattern[start..]);
        return branches;
    }

    /// <summary>The index of the <c>]</c> that closes the class opened at <paramref name="open"/> (subtractions nest), or −1.</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        // A ']' right after the opening (or its '^') is a literal member.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when pattern[i - 1] == '-':
                    // Class subtraction: [a-z-[aeiou]].
                    i = ClassEnd(pattern, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case ']':
                    return i;
            }
        }

        return -1;
    }
}

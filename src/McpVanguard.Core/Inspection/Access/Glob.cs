namespace McpVanguard.Inspection.Access;

/// <summary>
/// A name pattern of access rules: <c>*</c> matches any run of characters (also none), <c>?</c> exactly one, anything
/// else itself. Matching is a two-pointer walk with one saved star, so it is linear in practice and never worse than
/// pattern × name (no regex, no catastrophic backtracking).
/// </summary>
public sealed record Glob(string Pattern)
{
    /// <summary>True when the pattern has no wildcard (it names one thing).</summary>
    public bool IsLiteral => Pattern.AsSpan().IndexOfAny('*', '?') < 0;

    /// <summary>Whether <paramref name="name"/> matches; <paramref name="ignoreCase"/> folds case with the invariant culture.</summary>
    public bool Matches(string name, bool ignoreCase = false)
    {
        var pattern = Pattern.AsSpan();
        var text = name.AsSpan();
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                // Let the last star swallow one more character and retry from there.
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public override string ToString() => Pattern;
}

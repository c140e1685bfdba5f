namespace McpVanguard.Inspection.Rules;

/// <summary>A case-insensitive glob (<c>*</c> any run, <c>?</c> one character) for tool names, keys and methods.</summary>
public sealed class Glob
{
    private readonly string _pattern;

    public Glob(string pattern) => _pattern = pattern.ToLowerInvariant();

    public bool IsMatchAll => _pattern == "*";

    public override string ToString() => _pattern;

    public bool IsMatch(string text) => IsMatchAll || Match(_pattern, text, foldCase: true);

    /// <summary>
    /// Matches <paramref name="text"/> against a lower-case glob with the classic two-pointer algorithm: linear in
    /// practice, no regex and no backtracking blow-up.
    /// </summary>
    internal static bool Match(ReadOnlySpan<char> glob, ReadOnlySpan<char> text, bool foldCase)
    {
        int g = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || glob[g] == (foldCase ? char.ToLowerInvariant(text[t]) : text[t])))
            {
                g++;
                t++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                mark = t;
            }
            else if (star >= 0)
            {
                g = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }
}

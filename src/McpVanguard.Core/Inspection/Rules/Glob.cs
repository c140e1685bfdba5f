namespace McpVanguard.Inspection.Rules;

/// <summary>A case-insensitive glob (<c>*</c> any run, <c>?</c> one character) for tool names, keys and methods.</summary>
public sealed class Glob
{
    private readonly string _pattern;

    public Glob(string pattern) => _pattern = pattern.ToLowerInvariant();

    public bool IsMatchAll => _pattern == "*";

    public override string ToString() => _pattern;

    /// <summary>Matches with the classic two-pointer algorithm: linear in practice, no regex and no backtracking blow-up.</summary>
    public bool IsMatch(string text)
    {
        if (IsMatchAll)
        {
            return true;
        }

        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || _pattern[p] == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }

        return p == _pattern.Length;
    }
}

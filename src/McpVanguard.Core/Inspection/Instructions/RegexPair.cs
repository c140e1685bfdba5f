namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Two gated regexes that signal together when a match of <see cref="Second"/> starts at most <see cref="MaxGap"/>
/// characters after a match of <see cref="First"/> ends ("ignore" … "previous instructions").
/// </summary>
/// <remarks>
/// Matched separately and joined by distance in code: one regex with a bounded gap ("verb .{0,80} target") makes the
/// lazily built automaton grow a state per overlapping gap, which costs seconds on the first real text.
/// </remarks>
public sealed record RegexPair(PrefilteredRegex First, PrefilteredRegex Second, int MaxGap)
{
    /// <summary>Most matches of one regex considered when pairing; beyond it a text is already full of signals.</summary>
    private const int MaxPairedMatches = 256;

    /// <summary>
    /// True when the pair occurs in <paramref name="text"/>; <paramref name="start"/>/<paramref name="end"/> bound the first
    /// such pair. Pairs whose start <paramref name="ignore"/> accepts are skipped.
    /// </summary>
    public bool Find(string text, out int start, out int end, Func<string, int, bool>? ignore = null)
    {
        start = -1;
        end = -1;
        if (!First.MayMatch(text) || !Second.MayMatch(text))
        {
            return false;
        }

        List<(int Start, int End)>? seconds = null;
        var count = 0;
        foreach (var f in First.EnumerateMatches(text))
        {
            if (++count > MaxPairedMatches)
            {
                break;
            }

            if (seconds is null)
            {
                seconds = [];
                foreach (var m in Second.EnumerateMatches(text))
                {
                    seconds.Add((m.Index, m.Index + m.Length));
                    if (seconds.Count >= MaxPairedMatches * 4)
                    {
                        break;
                    }
                }

                if (seconds.Count == 0)
                {
                    return false;
                }
            }

            if (ignore is not null && ignore(text, f.Index))
            {
                continue;
            }

            var firstEnd = f.Index + f.Length;
            foreach (var (secondStart, secondEnd) in seconds)
            {
                if (secondStart >= firstEnd - 1 && secondStart - firstEnd <= MaxGap)
                {
                    start = f.Index;
                    end = secondEnd;
                    return true;
                }
            }
        }

        return false;
    }
}

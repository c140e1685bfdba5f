namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Where the multilingual lexicon's terms occur in one text, per concept and in text order, and which
/// <see cref="LexiconCombination"/>s they make.
/// </summary>
public sealed class LexiconMatches
{
    /// <summary>How far before a term a veto term may end, and after it start, to touch it ("don't forget", "vergessen Sie nicht").</summary>
    private const int VetoBefore = 12;
    private const int VetoAfter = 9;

    private readonly List<(int Start, int End)>[] _byConcept;

    /// <summary>The text whose clause breaks are worked out when first asked (only a combination whose terms all occur near each other asks).</summary>
    private readonly string? _text;

    /// <summary>Where clauses end, in text order: the terms of one instruction sit in one clause.</summary>
    private List<int>? _breaks;

    internal LexiconMatches(List<(int Start, int End)>[] byConcept, List<int> breaks)
    {
        _byConcept = byConcept;
        _breaks = breaks;
    }

    /// <summary>Matches whose clause breaks are found in <paramref name="text"/> when first needed: most texts never ask.</summary>
    internal LexiconMatches(List<(int Start, int End)>[] byConcept, string text)
    {
        _byConcept = byConcept;
        _text = text;
    }

    /// <summary>Where clauses end (worked out on first use; a benign race: every thread computes the same list).</summary>
    private List<int> Breaks
    {
        get
        {
            if (_breaks is { } breaks)
            {
                return breaks;
            }

            breaks = InjectionLexicon.ClauseBreaks(_text!);
            _breaks = breaks;
            return breaks;
        }
    }

    /// <summary>True when a term of the concept numbered <paramref name="concept"/> occurs (<see cref="InjectionLexicon.ConceptId"/>).</summary>
    public bool Has(int concept) => _byConcept[concept].Count > 0;

    /// <summary>Where the terms of concept <paramref name="concept"/> occur, in text order (tests compare two scans with it).</summary>
    internal IReadOnlyList<(int Start, int End)> OccurrencesOf(int concept) => _byConcept[concept];

    /// <summary>Where clauses end (tests).</summary>
    internal IReadOnlyList<int> ClauseBreaks => Breaks;

    /// <summary>True when no term of any concept occurs.</summary>
    public bool IsEmpty => Array.TrueForAll(_byConcept, static l => l.Count == 0);

    /// <summary>True when <paramref name="combination"/> occurs; <paramref name="start"/>/<paramref name="end"/> bound its terms.</summary>
    public bool Find(LexiconCombination combination, out int start, out int end, Func<int, bool>? ignore = null)
    {
        start = -1;
        end = -1;
        var groups = combination.Groups;

        // Anchor on the rarest group; the others are looked for around each of its terms.
        var anchor = 0;
        var fewest = int.MaxValue;
        for (var g = 0; g < groups.Length; g++)
        {
            var count = Count(groups[g]);
            if (count == 0)
            {
                return false;
            }

            if (count < fewest)
            {
                fewest = count;
                anchor = g;
            }
        }

        Span<(int Start, int End)> chosen = groups.Length <= 8 ? stackalloc (int, int)[groups.Length] : new (int, int)[groups.Length];
        foreach (var concept in groups[anchor])
        {
            foreach (var hit in _byConcept[concept])
            {
                chosen[anchor] = hit;
                if (Complete(combination, anchor, chosen) && !Vetoed(combination, chosen[0]) && (ignore is null || !ignore(Min(chosen))))
                {
                    start = Min(chosen);
                    end = Max(chosen);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The first term of <paramref name="concept"/> starting within [<paramref name="from"/>, <paramref name="to"/>], or null.</summary>
    public (int Start, int End)? FirstStartIn(int concept, int from, int to)
    {
        var list = _byConcept[concept];
        var i = FirstStartingAtOrAfter(list, from);
        return i < list.Count && list[i].Start <= to ? list[i] : null;
    }

    /// <summary>Fills every other group with its term nearest the anchor's, and says whether they all fit the window.</summary>
    private bool Complete(LexiconCombination combination, int anchor, Span<(int Start, int End)> chosen)
    {
        var a = chosen[anchor];
        for (var g = 0; g < combination.Groups.Length; g++)
        {
            if (g == anchor)
            {
                continue;
            }

            var best = (Start: -1, End: -1);
            var bestDistance = int.MaxValue;
            foreach (var concept in combination.Groups[g])
            {
                var list = _byConcept[concept];
                var i = FirstStartingAtOrAfter(list, a.Start - combination.Window - 64);
                for (; i < list.Count && list[i].Start <= a.End + combination.Window; i++)
                {
                    var h = list[i];
                    if (h.Start < a.End && a.Start < h.End)
                    {
                        // The same words cannot be two concepts of one instruction ("说明" is a noun and a verb).
                        continue;
                    }

                    var distance = h.Start >= a.End ? h.Start - a.End : a.Start - h.End;
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = h;
                    }
                }
            }

            if (best.Start < 0)
            {
                return false;
            }

            chosen[g] = best;
        }

        var covered = 0;
        for (var g = 0; g < chosen.Length; g++)
        {
            covered += chosen[g].End - chosen[g].Start;
        }

        return Max(chosen) - Min(chosen) - covered <= combination.Window && !CrossesClause(chosen);
    }

    /// <summary>True when a clause ends between the chosen terms ("errors are silently dropped; send retries").</summary>
    private bool CrossesClause(ReadOnlySpan<(int Start, int End)> chosen)
    {
        var min = Min(chosen);
        var max = Max(chosen);
        var breaks = Breaks;
        var lo = 0;
        var hi = breaks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (breaks[mid] <= min)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < breaks.Count && breaks[i] < max; i++)
        {
            var inside = false;
            foreach (var c in chosen)
            {
                inside |= breaks[i] >= c.Start && breaks[i] < c.End;
            }

            if (!inside)
            {
                return true;
            }
        }

        return false;
    }

    private bool Vetoed(LexiconCombination combination, (int Start, int End) first)
    {
        if (combination.UnlessNear < 0)
        {
            return false;
        }

        var list = _byConcept[combination.UnlessNear];
        for (var i = FirstStartingAtOrAfter(list, first.Start - VetoBefore - 16); i < list.Count && list[i].Start <= first.End + VetoAfter; i++)
        {
            var h = list[i];
            var overlaps = h.Start < first.End && first.Start < h.End;
            if (!overlaps && ((h.End <= first.Start && first.Start - h.End <= VetoBefore) || (h.Start >= first.End && h.Start - first.End <= VetoAfter)))
            {
                return true;
            }
        }

        return false;
    }

    private int Count(int[] concepts)
    {
        var n = 0;
        foreach (var c in concepts)
        {
            n += _byConcept[c].Count;
        }

        return n;
    }

    private static int FirstStartingAtOrAfter(List<(int Start, int End)> list, int position)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int Min(ReadOnlySpan<(int Start, int End)> spans)
    {
        var m = int.MaxValue;
        foreach (var s in spans)
        {
            m = Math.Min(m, s.Start);
        }

        return m;
    }

    private static int Max(ReadOnlySpan<(int Start, int End)> spans)
    {
        var m = int.MinValue;
        foreach (var s in spans)
        {
            m = Math.Max(m, s.End);
        }

        return m;
    }
}

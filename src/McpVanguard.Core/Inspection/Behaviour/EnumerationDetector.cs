using System.Buffers;
using System.Numerics;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Enumeration and scraping: many distinct reads of numbered siblings (<c>customer_0000.json</c>…, <c>get_user {"id": n}</c>,
/// <c>db://orders/17</c>) block (BEH-001); many distinct reads in one directory, or many later pages of listings, warn
/// (BEH-002). Distinct targets are counted, so re-reading the same file is a loop (BEH-008), not a sweep.
/// </summary>
internal static class EnumerationDetector
{
    public static void Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        var since = current.AtMs - (long)settings.EnumerationWindow.TotalMilliseconds;
        if ((current.Kind & BehaviourKind.Numbered) != 0
            && DistinctTargets(session, since, BehaviourKind.Numbered, byStem: true, current.Stem) >= settings.NumberedReads
            && Distinct(session, since, BehaviourKind.Numbered, byStem: true, current.Stem) is { Count: var n } numbered && n >= settings.NumberedReads)
        {
            findings.Add(BehaviourFindings.Sure("BEH-001", "MCP-17", Severity.High,
                $"Enumeration: {n} numbered sibling reads in {Seconds(settings.EnumerationWindow)}s: {BehaviourFindings.Sequence(numbered, numbered[0].AtMs)}."));
            return;
        }

        if ((current.Kind & BehaviourKind.Read) != 0 && current.Group != 0
            && DistinctTargets(session, since, BehaviourKind.Read, byStem: false, current.Group) >= settings.SiblingReads
            && Distinct(session, since, BehaviourKind.Read, byStem: false, current.Group) is { Count: var m } siblings && m >= settings.SiblingReads)
        {
            findings.Add(BehaviourFindings.Tentative("BEH-002", "MCP-17", Severity.Medium, profile,
                $"Sweep: {m} distinct reads in one directory or of one tool in {Seconds(settings.EnumerationWindow)}s: {BehaviourFindings.Sequence(siblings, siblings[0].AtMs)}."));
            return;
        }

        if ((current.Kind & BehaviourKind.ListPage) != 0)
        {
            var pages = new List<BehaviourEvent>();
            foreach (var e in session)
            {
                if (e.AtMs >= since && (e.Kind & BehaviourKind.ListPage) != 0)
                {
                    pages.Add(e);
                }
            }

            if (pages.Count >= settings.ListPages)
            {
                findings.Add(BehaviourFindings.Tentative("BEH-002", "MCP-17", Severity.Medium, profile,
                    $"Sweep: {pages.Count} later pages of listings in {Seconds(settings.EnumerationWindow)}s: {BehaviourFindings.Sequence(pages, pages[0].AtMs)}."));
            }
        }
    }

    /// <summary>
    /// How many distinct targets the steps since <paramref name="since"/> of <paramref name="kind"/> with <paramref name="key"/>
    /// (their stem, or their group) read, counted in a pooled open-addressing table: the everyday answer (below the
    /// threshold, or one file read again and again) allocates nothing; the steps themselves are listed only for a finding.
    /// </summary>
    private static int DistinctTargets(IReadOnlyList<BehaviourEvent> session, long since, BehaviourKind kind, bool byStem, ulong key)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, session.Count * 2));
        var table = ArrayPool<ulong>.Shared.Rent(size);
        try
        {
            Array.Clear(table, 0, size);
            var mask = size - 1;
            var count = 0;
            var zero = false;
            foreach (var e in session)
            {
                if (!Matches(e, since, kind, byStem, key))
                {
                    continue;
                }

                var target = e.Target;
                if (target == 0)
                {
                    // The empty slot's marker: counted apart.
                    count += zero ? 0 : 1;
                    zero = true;
                    continue;
                }

                // Targets are 64-bit digests already: their bits spread well.
                var slot = (int)((target ^ (target >> 32)) & (ulong)mask);
                while (table[slot] != 0 && table[slot] != target)
                {
                    slot = (slot + 1) & mask;
                }

                if (table[slot] == 0)
                {
                    table[slot] = target;
                    count++;
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(table);
        }
    }

    /// <summary>The matching steps since <paramref name="since"/>, one per distinct target, oldest first.</summary>
    private static List<BehaviourEvent> Distinct(IReadOnlyList<BehaviourEvent> session, long since, BehaviourKind kind, bool byStem, ulong key)
    {
        var seen = new HashSet<ulong>();
        var result = new List<BehaviourEvent>();
        foreach (var e in session)
        {
            if (Matches(e, since, kind, byStem, key) && seen.Add(e.Target))
            {
                result.Add(e);
            }
        }

        return result;
    }

    private static bool Matches(BehaviourEvent e, long since, BehaviourKind kind, bool byStem, ulong key)
        => e.AtMs >= since && (e.Kind & kind) != 0 && (byStem ? e.Stem : e.Group) == key;

    private static int Seconds(TimeSpan window) => (int)window.TotalSeconds;
}

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
            && Distinct(session, since, e => (e.Kind & BehaviourKind.Numbered) != 0 && e.Stem == current.Stem) is { Count: var n } numbered && n >= settings.NumberedReads)
        {
            findings.Add(BehaviourFindings.Sure("BEH-001", "MCP-17", Severity.High,
                $"Enumeration: {n} numbered sibling reads in {Seconds(settings.EnumerationWindow)}s: {BehaviourFindings.Sequence(numbered, numbered[0].AtMs)}."));
            return;
        }

        if ((current.Kind & BehaviourKind.Read) != 0 && current.Group != 0
            && Distinct(session, since, e => (e.Kind & BehaviourKind.Read) != 0 && e.Group == current.Group) is { Count: var m } siblings && m >= settings.SiblingReads)
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

    /// <summary>The steps matching <paramref name="match"/> since <paramref name="since"/>, one per distinct target, oldest first.</summary>
    private static List<BehaviourEvent> Distinct(IReadOnlyList<BehaviourEvent> session, long since, Func<BehaviourEvent, bool> match)
    {
        var seen = new HashSet<ulong>();
        var result = new List<BehaviourEvent>();
        foreach (var e in session)
        {
            if (e.AtMs >= since && match(e) && seen.Add(e.Target))
            {
                result.Add(e);
            }
        }

        return result;
    }

    private static int Seconds(TimeSpan window) => (int)window.TotalSeconds;
}

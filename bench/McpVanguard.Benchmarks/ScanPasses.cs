using McpVanguard.Inspection;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Benchmarks;

/// <summary>
/// Each per-character pass over a long text on the write path, alone (<c>-- passes</c>): the lexicon's start scan by blocks
/// and by characters, and the rules' prefilter with the analysers' gates as two passes and as one fused pass; thread CPU
/// per 100 KB of ordinary source text (its canonical copy: lower-cased). The two prefilter rows include cloning the gates' result for the comparison.
/// </summary>
public static class ScanPasses
{
    public static void Run()
    {
        EnginePrimer.BuildTables();
        var text = Messages.SourceTextOf(100 * 1024);
        var canonical = text.ToLowerInvariant();
        var start = InjectionLexicon.Default.StartScan ?? throw new InvalidOperationException("The lexicon has no start scan.");
        var inspector = new RuleInspector(RuleLoader.Load(null), Profile.Balanced);
        var found = new List<(int Literal, int Last)>();

        Console.WriteLine("| pass over 100 KB of source text | median thread-CPU µs | bytes allocated |");
        Console.WriteLine("|---|---:|---:|");
        Report("lexicon start scan, 16-character blocks", () => { found.Clear(); start.TryScan(text, found, int.MaxValue); });
        Report("lexicon start scan, one character at a time", () => { found.Clear(); start.TryScanCharacters(text, found, int.MaxValue); });
        Report("rules' prefilter + analysers' gates, two passes", () => inspector.SeparateCandidates(canonical));
        Report("rules' prefilter + analysers' gates, one fused pass", () => inspector.FusedCandidates(canonical));
        Console.WriteLine($"fused automaton: {inspector.FusedSize.Entries:N0} transitions, dense {inspector.FusedSize.Dense}; lexicon occurrences {found.Count}");
    }

    private static void Report(string name, Action pass)
    {
        // Thread CPU, median of the breakdown's batches (InspectorBreakdown.Measure), 50 calls per batch after 50 of warm-up.
        var (micros, bytes) = InspectorBreakdown.Measure(50, pass);
        Console.WriteLine(FormattableString.Invariant($"| {name} | {micros:0} | {bytes} |"));
    }
}

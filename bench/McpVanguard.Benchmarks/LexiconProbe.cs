using System.Diagnostics;
using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Benchmarks;

/// <summary>What the injection lexicon costs over ~100 KB of ordinary source text (<c>-- lexicon</c>): folding, the automaton pass, and the whole scan.</summary>
public static class LexiconProbe
{
    public static void Run()
    {
        var text = Messages.SourceTextOf(100 * 1024);
        var lexicon = InjectionLexicon.Default;
        const int Rounds = 200;
        double Time(Action<string> step)
        {
            var copies = Enumerable.Range(0, Rounds).Select(_ => new string(text.AsSpan())).ToArray();
            step(copies[0]);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var copy in copies)
            {
                step(copy);
            }

            return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Rounds;
        }

        // Twice each, keeping the second: the first lets tiered compilation reach its optimised code.
        _ = (Time(t => LexiconFolding.Fold(t)), Time(t => lexicon.Scan(t)), Time(t => lexicon.Signals(t, out _, out _)));
        var fold = Time(t => LexiconFolding.Fold(t));
        var scan = Time(t => lexicon.Scan(t));
        var signals = Time(t => lexicon.Signals(t, out _, out _));
        lexicon.Scan(text + " ");
        Console.WriteLine(FormattableString.Invariant($"100 KB source text, CPU µs per call: fold {fold:0} | scan (fold + automaton + per-concept lists) {scan:0} | signals (scan + every combination) {signals:0}"));
    }
}

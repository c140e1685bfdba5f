using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpVanguard.Benchmarks;

/// <summary><c>-- rule-load</c>: what each built-in rule's regex costs to construct (time and managed allocation), costliest first.</summary>
public static class RuleLoadCosts
{
    public static void Run()
    {
        var rules = BenchEngine.Signatures;

        // Warm the regex parser and the NonBacktracking builder on one rule first, so the list shows per-pattern costs.
        _ = new Regex(rules[0].Pattern!.Regex.ToString(), rules[0].Pattern!.Regex.Options);
        var costs = new List<(string Id, double Ms, long Bytes, int Length)>();
        foreach (var rule in rules)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var regex = new Regex(rule.Pattern!.Regex.ToString(), rule.Pattern!.Regex.Options, rule.Pattern!.Regex.MatchTimeout);
            var ms = clock.Elapsed.TotalMilliseconds;
            costs.Add((rule.Id, ms, GC.GetAllocatedBytesForCurrentThread() - before, rule.Pattern!.Regex.ToString().Length));
            GC.KeepAlive(regex);
        }

        Console.WriteLine(FormattableString.Invariant($"{costs.Count} rules: construction total {costs.Sum(c => c.Ms):0} ms, {costs.Sum(c => c.Bytes) / 1048576.0:0.0} MiB allocated; GC heap now {GC.GetTotalMemory(false) / 1048576.0:0.0} MiB, process RSS {Environment.WorkingSet / 1048576.0:0} MiB"));
        // The same patterns without IgnoreCase: canonical copies are already lower-case, so most rules would not need it.
        var caseSensitive = new Dictionary<string, (double Ms, long Bytes)>();
        var retainedBefore = GC.GetTotalMemory(true);
        var kept = new List<Regex>();
        foreach (var rule in rules)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            kept.Add(new Regex(rule.Pattern!.Regex.ToString(), rule.Pattern!.Regex.Options & ~(RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), rule.Pattern!.Regex.MatchTimeout));
            caseSensitive[rule.Id] = (clock.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        var retainedCaseSensitive = GC.GetTotalMemory(true) - retainedBefore;
        kept.Clear();
        retainedBefore = GC.GetTotalMemory(true);
        foreach (var rule in rules)
        {
            kept.Add(new Regex(rule.Pattern!.Regex.ToString(), rule.Pattern!.Regex.Options, rule.Pattern!.Regex.MatchTimeout));
        }

        var retainedAsLoaded = GC.GetTotalMemory(true) - retainedBefore;
        GC.KeepAlive(kept);
        Console.WriteLine(FormattableString.Invariant($"retained by {rules.Count} regexes: {retainedAsLoaded / 1048576.0:0.0} MiB as loaded (options {rules[0].Pattern!.Regex.Options}); {retainedCaseSensitive / 1048576.0:0.0} MiB without IgnoreCase; construction without IgnoreCase {caseSensitive.Values.Sum(c => c.Ms):0} ms, {caseSensitive.Values.Sum(c => c.Bytes) / 1048576.0:0.0} MiB allocated"));
        Console.WriteLine("| rule | construct ms | allocated KiB | without IgnoreCase: ms | KiB | pattern chars |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in costs.OrderByDescending(c => c.Ms).Take(12))
        {
            var cs = caseSensitive[c.Id];
            Console.WriteLine(FormattableString.Invariant($"| {c.Id} | {c.Ms:0.0} | {c.Bytes / 1024} | {cs.Ms:0.0} | {cs.Bytes / 1024} | {c.Length} |"));
        }
    }
}

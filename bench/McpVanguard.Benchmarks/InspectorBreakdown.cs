using System.Diagnostics;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>-- breakdown</c>: time and allocation of each stage and of each inspector of the balanced agent→server pipeline, per
/// typical message (median of repeated batches, in one process, after a warm-up). A quick attribution, not a BDN figure.
/// </summary>
public static class InspectorBreakdown
{
    private const int Batches = 21;

    /// <param name="only">One message by name (read_file, run_command, write_file, traversal), without the rule prototypes; all when null.</param>
    public static void Run(string? only = null)
    {
        var engine = BenchEngine.Create(Profile.Balanced);
        (string Name, byte[] Frame)[] messages =
        [
            ("read_file", Messages.ReadFile),
            ("run_command", Messages.RunCommand),
            ("write_file 100 KB", Messages.WriteFile100K),
            ("traversal (blocked)", Messages.TraversalBlocked),
        ];

        Console.WriteLine($"| message | stage | median thread-CPU µs | bytes allocated |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var (name, frame) in messages)
        {
            if (only is not null && !name.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            var perCall = frame.Length > 10_000 ? 20 : 2_000;
            Report(name, "parse", perCall, () =>
            {
                McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var m, out _);
                m!.Dispose();
            });

            McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var message, out _);
            using var owned = message!;
            Report(name, "walk + canonicalise", perCall, () => ArgumentWalker.TryWalk(owned.Params, engine.Limits, out _, out _));

            ArgumentWalker.TryWalk(owned.Params, engine.Limits, out var strings, out _);
            var context = new InspectionContext
            {
                Message = owned,
                Direction = Direction.AgentToServer,
                SessionId = "bench",
                ServerId = "default",
                Profile = Profile.Balanced,
                Strings = strings,
            };
            foreach (var inspector in engine.AgentToServer.Inspectors)
            {
                var findings = new List<Finding>();
                Report(name, $"inspector {inspector.GetType().Name}", perCall, () =>
                {
                    findings.Clear();
                    inspector.Inspect(context, findings);
                });
            }

            Report(name, "whole pipeline (all inspectors + policy)", perCall, () => engine.AgentToServer.Inspect(context));
            if (only is null)
            {
                RuleCosts(name, owned, strings, perCall);
            }
        }
    }

    /// <summary>The rules that cost most on this message: each rule's key filter and regex over the strings it applies to.</summary>
    private static void RuleCosts(string message, McpMessage owned, ArgumentStrings strings, int perCall)
    {
        var costs = new List<(string Id, double Micros, long Bytes, int Strings)>();
        var applicable = 0;
        foreach (var rule in BenchEngine.Signatures.Where(r => r.Profiles.Contains(Profile.Balanced)))
        {
            if (!rule.AppliesTo(owned.Method!, owned.ToolName))
            {
                continue;
            }

            applicable++;
            var keyed = strings.Items.Count(s => rule.KeyApplies(s.Key));
            var (micros, bytes) = Measure(Math.Max(1, perCall / 10), () => McpVanguard.Inspection.Rules.RuleInspector.Matches(rule, strings.Items));
            costs.Add((rule.Id, micros, bytes, keyed));
        }

        // Prototype of a pre-screen: every balanced rule's pattern in one NonBacktracking alternation per copy (canonical,
        // decoded). When it does not match a string, no rule can match it, so benign strings cost one scan, not one per rule.
        var (union, unionDecoded) = Unions.Value;
        var (screen, screenBytes) = Measure(perCall, () =>
        {
            var any = false;
            foreach (var s in strings.Items)
            {
                foreach (var r in union)
                {
                    any |= r.IsMatch(s.Canonical);
                }

                foreach (var r in unionDecoded)
                {
                    any |= r.IsMatch(s.Decoded);
                }
            }

            return;
        });
        Console.WriteLine(FormattableString.Invariant($"| {message} | prototype pre-screen: all rules in a few union regexes, over every string | {screen:0.00} | {screenBytes} |"));

        // Prototype of the same rule loop with index-based loops: foreach over an IReadOnlyList<T> boxes an enumerator per
        // call (rule.AppliesTo, rule.KeyApplies, RuleInspector.Matches), which is most of the rules' allocation.
        var balanced = BenchEngine.Signatures.Where(r => r.Profiles.Contains(Profile.Balanced)).ToArray();
        var method = owned.Method!;
        var tool = owned.ToolName;
        var (indexed, indexedBytes) = Measure(perCall, () =>
        {
            var hits = 0;
            foreach (var rule in balanced)
            {
                if (!IndexedAppliesTo(rule, method, tool))
                {
                    continue;
                }

                var items = strings.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    var s = items[i];
                    if (AnyMatch(rule.Keys, s.Key) && (rule.ExcludedKeys.Count == 0 || !AnyMatch(rule.ExcludedKeys, s.Key))
                        && rule.Pattern!.IsMatch(rule.MatchDecoded ? s.Decoded : s.Canonical))
                    {
                        hits++;
                        break;
                    }
                }
            }
        });
        Console.WriteLine(FormattableString.Invariant($"| {message} | prototype: the same rule loop with index loops (no boxed enumerators) | {indexed:0.00} | {indexedBytes} |"));

        var total = costs.Sum(c => c.Micros);
        var top = string.Join(", ", costs.OrderByDescending(c => c.Micros).Take(5).Select(c => FormattableString.Invariant($"{c.Id} {c.Micros:0.00} µs/{c.Bytes} B")));
        Console.WriteLine(FormattableString.Invariant($"| {message} | rules: {applicable} apply to the tool, sum of per-rule medians {total:0.0} µs; costliest: {top} | | |"));
    }

    /// <summary>Rules packed greedily into alternations as large as NonBacktracking accepts (its automaton size limit).</summary>
    private static readonly Lazy<(System.Text.RegularExpressions.Regex[] Canonical, System.Text.RegularExpressions.Regex[] Decoded)> Unions = new(() =>
    {
        var rules = BenchEngine.Signatures.Where(r => r.Profiles.Contains(Profile.Balanced)).ToList();
        static System.Text.RegularExpressions.Regex[] Pack(List<McpVanguard.Inspection.Rules.Rule> rs)
        {
            var packed = new List<System.Text.RegularExpressions.Regex>();
            var i = 0;
            while (i < rs.Count)
            {
                System.Text.RegularExpressions.Regex? best = null;
                var take = 1;
                for (var n = 1; i + n <= rs.Count; n++)
                {
                    try
                    {
                        best = new System.Text.RegularExpressions.Regex(string.Join("|", rs.Skip(i).Take(n).Select(r => "(?:" + r.Pattern!.Regex + ")")), rs[i].Pattern!.Regex.Options);
                        take = n;
                    }
                    catch (NotSupportedException)
                    {
                        break;
                    }
                }

                packed.Add(best ?? rs[i].Pattern!.Regex);
                i += take;
            }

            return packed.ToArray();
        }

        var clock = Stopwatch.StartNew();
        var result = (Pack(rules.Where(r => !r.MatchDecoded).ToList()), Pack(rules.Where(r => r.MatchDecoded).ToList()));
        Console.WriteLine(FormattableString.Invariant($"| (prototype) | packing {rules.Count} rules into {result.Item1.Length} + {result.Item2.Length} union regexes (build time, µs) | {clock.Elapsed.TotalMicroseconds:0} | |"));
        return result;
    });

    private static bool IndexedAppliesTo(McpVanguard.Inspection.Rules.Rule rule, string method, string? tool)
        => AnyMatch(rule.Methods, method) && (tool is null ? rule.Tools.Count == 1 && rule.Tools[0].IsMatchAll : AnyMatch(rule.Tools, tool));

    private static bool AnyMatch(IReadOnlyList<McpVanguard.Inspection.Rules.Glob> globs, string value)
    {
        for (var i = 0; i < globs.Count; i++)
        {
            if (globs[i].IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    internal static (double Micros, long Bytes) Measure(int perCall, Action action)
    {
        for (var i = 0; i < perCall; i++)
        {
            action();
        }

        var times = new double[Batches];
        long bytes = 0;
        for (var b = 0; b < Batches; b++)
        {
            // The thread's own CPU time, not the wall clock: on a machine shared with other work the wall clock measures
            // the queue for a core (stages then summed to more than the whole pipeline).
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = McpVanguard.Inspection.InspectorClock.Now().CpuNanoseconds;
            for (var i = 0; i < perCall; i++)
            {
                action();
            }

            times[b] = (McpVanguard.Inspection.InspectorClock.Now().CpuNanoseconds - cpu) / 1000.0 / perCall;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / perCall;
        }

        Array.Sort(times);
        return (times[Batches / 2], bytes);
    }

    internal static void Report(string message, string stage, int perCall, Action action)
    {
        var (micros, bytes) = Measure(perCall, action);
        Console.WriteLine(FormattableString.Invariant($"| {message} | {stage} | {micros:0.00} | {bytes} |"));
    }
}

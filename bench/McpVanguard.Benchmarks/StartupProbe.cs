using System.Diagnostics;
using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// Cold start-up phases of <c>vanguard start</c>, measured once in a fresh process (<c>-- startup</c>): what the engine
/// costs before the first message, with the JIT compiling everything for the first time.
/// </summary>
public static class StartupProbe
{
    public static void Run()
    {
        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var total = Stopwatch.StartNew();

        var t = Stopwatch.StartNew();
        var cli = new Dictionary<string, object> { ["profile"] = "balanced", ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-bench-audit.jsonl") };
        var options = ConfigurationLoader.Load(cli, new Dictionary<string, string>(), null, []);
        var config = t.Elapsed.TotalMilliseconds;

        // The two libraries the rule loader starts cold: a YAML parse and a NonBacktracking regex (each measured alone,
        // so "rules load" below is what is left once they are warm).
        t.Restart();
        new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader("rules:\n  - { id: X, keys: [\"*\"] }\n"));
        var yaml = t.Elapsed.TotalMilliseconds;

        t.Restart();
        _ = new System.Text.RegularExpressions.Regex("(^|/)etc/+(shadow|passwd)$", System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant).IsMatch("/etc/passwd");
        var regex = t.Elapsed.TotalMilliseconds;

        t.Restart();
        var rules = RuleLoader.Load(null);
        var load = t.Elapsed.TotalMilliseconds;

        t.Restart();
        var engine = InspectionEngine.Create(options, rules);
        var create = t.Elapsed.TotalMilliseconds;

        t.Restart();
        var session = new RelaySession("probe", "default", 64, TimeSpan.FromMinutes(5));
        var sink = new DiscardingSink();
        var relay = new McpRelay(engine, session, sink, sink, NullAuditSink.Instance);
        var init = Messages.Utf8("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""");
        _ = relay.FromAgentAsync(init, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var first = t.Elapsed.TotalMilliseconds;

        var (builtBefore, ticksBefore) = (RegexCache.Shared.Count, McpVanguard.Inspection.OneOffCost.TicksOnThisThread);
        t.Restart();
        _ = relay.FromAgentAsync(Messages.RunCommand, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var firstCall = t.Elapsed.TotalMilliseconds;
        var regexesBuilt = RegexCache.Shared.Count - builtBefore;
        var buildMs = (McpVanguard.Inspection.OneOffCost.TicksOnThisThread - ticksBefore) * 1000.0 / Stopwatch.Frequency;
        var jit = System.Runtime.JitInfo.GetCompilationTime();

        t.Restart();
        _ = relay.FromAgentAsync(Messages.ReadFile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var secondCall = t.Elapsed.TotalMilliseconds;

        Console.WriteLine(FormattableString.Invariant(
            $"runtime-to-Main {sinceProcessStart.TotalMilliseconds:0.0} ms | config {config:0.0} | first YAML parse {yaml:0.0} | first NonBacktracking regex {regex:0.0} | rules load ({rules.Count} rules) {load:0.0} | engine create {create:0.0} | first message (initialize) {first:0.0} | first tools/call run_command {firstCall:0.0} (building {regexesBuilt} regexes: {buildMs:0.0} ms) | then read_file {secondCall:0.0} | JIT so far {jit.TotalMilliseconds:0} ms | regexes built {RegexCache.Shared.Count} | total {total.Elapsed.TotalMilliseconds:0.0} ms"));
    }
}

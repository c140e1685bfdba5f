using System.CommandLine;
using System.Text.Json.Nodes;
using McpVanguard.Audit;
using McpVanguard.Cli.AuditLog;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard audit tail|query|stats|verify</c>: read the audit log (found from the configuration, rotated files included) without jq.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", HelpText.With(
            "Read the audit log: the one the configuration names (audit.log, --audit-log, or the default in the user's state directory), rotated files included.",
            "vanguard audit tail --follow",
            "vanguard audit query --since 2h --verdict block",
            "vanguard audit stats --since 7d --json",
            "vanguard audit verify --key team-audit.pub"));
        audit.Subcommands.Add(Tail());
        audit.Subcommands.Add(Query());
        audit.Subcommands.Add(Stats());
        audit.Subcommands.Add(AuditVerifyCommand.Create());
        return audit;
    }

    internal static Option<bool> JsonOption() => new("--json") { Description = "Print the records as JSON lines (stats: one JSON object)." };

    private static Command Tail()
    {
        var common = new CommonOptions();
        var lines = new Option<int>("--lines", "-n") { Description = "How many of the last records to print first (default 20).", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing records as they are written, until Ctrl+C." };
        var json = JsonOption();
        var tail = new Command("tail", HelpText.With("Print the last records of the audit log, and with --follow the new ones as they come (coloured on a terminal).", "vanguard audit tail -n 50", "vanguard audit tail --follow --json")) { lines, follow, json };
        common.AddTo(tail);
        tail.SetAction(async (parse, cancellationToken) =>
        {
            if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
            {
                return EngineFactory.ConfigurationError;
            }

            var reader = new AuditLogReader(options.AuditLogPath);
            var asJson = parse.GetValue(json);
            var colour = !asJson && !Console.IsOutputRedirected;
            var last = new Queue<AuditEntry>();
            var count = Math.Clamp(parse.GetValue(lines), 0, 100_000);
            foreach (var entry in reader.ReadAll())
            {
                last.Enqueue(entry);
                if (last.Count > count)
                {
                    last.Dequeue();
                }
            }

            if (!File.Exists(options.AuditLogPath))
            {
                Console.Error.WriteLine($"[vanguard] no audit log yet at {options.AuditLogPath}");
            }

            foreach (var entry in last)
            {
                Console.WriteLine(asJson ? entry.Line : AuditLine.Format(entry, colour));
            }

            if (parse.GetValue(follow))
            {
                await foreach (var entry in reader.FollowAsync(TimeSpan.FromMilliseconds(250), cancellationToken))
                {
                    Console.WriteLine(asJson ? entry.Line : AuditLine.Format(entry, colour));
                }
            }

            return 0;
        });
        return tail;
    }

    private static Command Query()
    {
        var common = new CommonOptions();
        var filters = new FilterOptions();
        var limit = new Option<int?>("--limit") { Description = "Print only the last N matching records." };
        var json = JsonOption();
        var query = new Command("query", HelpText.With(
            "Print the records that match every filter given.",
            "vanguard audit query --verdict block --since 24h",
            "vanguard audit query --rule PATH-001 --server files --json",
            "vanguard audit query --session 3f2a… --tool write_file")) { limit, json };
        filters.AddTo(query);
        common.AddTo(query);
        query.SetAction(parse =>
        {
            if (EngineFactory.TryLoadOptions(common, parse) is not { } options || filters.TryRead(parse) is not { } filter)
            {
                return EngineFactory.ConfigurationError;
            }

            var reader = new AuditLogReader(options.AuditLogPath);
            var matches = reader.ReadAll().Where(filter.Matches);
            if (parse.GetValue(limit) is { } n)
            {
                matches = matches.TakeLast(Math.Max(0, n));
            }

            var asJson = parse.GetValue(json);
            var shown = 0;
            foreach (var entry in matches)
            {
                Console.WriteLine(asJson ? entry.Line : AuditLine.Format(entry, colour: false));
                shown++;
            }

            Console.Error.WriteLine($"[vanguard] {shown} records from {options.AuditLogPath}{(reader.Skipped > 0 ? $" ({reader.Skipped} unreadable lines skipped)" : string.Empty)}");
            return 0;
        });
        return query;
    }

    private static Command Stats()
    {
        var common = new CommonOptions();
        var filters = new FilterOptions();
        var json = JsonOption();
        var stats = new Command("stats", HelpText.With("Count the records per verdict, rule and server (over --since, and the other filters).", "vanguard audit stats --since 7d", "vanguard audit stats --server files --json")) { json };
        filters.AddTo(stats);
        common.AddTo(stats);
        stats.SetAction(parse =>
        {
            if (EngineFactory.TryLoadOptions(common, parse) is not { } options || filters.TryRead(parse) is not { } filter)
            {
                return EngineFactory.ConfigurationError;
            }

            var verdicts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var rules = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var servers = new SortedDictionary<string, long>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in new AuditLogReader(options.AuditLogPath).ReadAll().Where(filter.Matches))
            {
                // A summary record stands for the records it suppressed.
                var weight = entry.Record.TryGetProperty("suppressed", out var s) && s.TryGetInt64(out var n) ? n : 1;
                total += weight;
                Add(verdicts, entry.Text("suppressed_verdict") ?? entry.Text("verdict") ?? "?", weight);
                Add(servers, entry.Text("server_id") ?? "?", weight);
                foreach (var rule in entry.RuleIds)
                {
                    Add(rules, rule, weight);
                }
            }

            if (parse.GetValue(json))
            {
                static JsonObject ToJson(SortedDictionary<string, long> counts) => new([.. counts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]);
                Console.WriteLine(new JsonObject { ["log"] = options.AuditLogPath, ["records"] = total, ["verdicts"] = ToJson(verdicts), ["rules"] = ToJson(rules), ["servers"] = ToJson(servers) }.ToJsonString());
                return 0;
            }

            Console.WriteLine($"{total} records in {options.AuditLogPath}");
            foreach (var (title, counts) in new[] { ("verdict", verdicts), ("rule", rules), ("server", servers) })
            {
                Console.WriteLine($"by {title}:");
                foreach (var (key, value) in counts.OrderByDescending(static kv => kv.Value))
                {
                    Console.WriteLine($"  {value,8}  {LogLineText.Escape(key)}");
                }
            }

            return 0;
        });
        return stats;
    }

    private static void Add(SortedDictionary<string, long> counts, string key, long weight)
        => counts[key] = counts.GetValueOrDefault(key) + weight;

    /// <summary>The filters shared by <c>query</c> and <c>stats</c>.</summary>
    private sealed class FilterOptions
    {
        private readonly Option<string?> _since = new("--since") { Description = "Only records from this long ago (30m, 2h, 7d) or since this time (ISO 8601)." };
        private readonly Option<string?> _verdict = new("--verdict") { Description = "Only this verdict: allow, block, redact, shadow-block, review…" };
        private readonly Option<string?> _rule = new("--rule") { Description = "Only records that name this rule id." };
        private readonly Option<string?> _server = new("--server") { Description = "Only this server id." };
        private readonly Option<string?> _session = new("--session") { Description = "Only this session." };
        private readonly Option<string?> _tool = new("--tool") { Description = "Only this tool." };

        public void AddTo(Command command)
        {
            foreach (var option in new[] { _since, _verdict, _rule, _server, _session, _tool })
            {
                command.Options.Add(option);
            }
        }

        public AuditFilter? TryRead(ParseResult parse)
        {
            try
            {
                return new AuditFilter(AuditFilter.ParseSince(parse.GetValue(_since), DateTimeOffset.UtcNow), parse.GetValue(_verdict), parse.GetValue(_rule), parse.GetValue(_server), parse.GetValue(_session), parse.GetValue(_tool));
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return null;
            }
        }
    }
}

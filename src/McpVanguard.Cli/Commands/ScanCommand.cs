using System.CommandLine;
using McpVanguard.Scanning;
using McpVanguard.Transports.Stdio;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard scan</c>: inspects what servers offer (handshake and list calls, through the server→agent pipeline) without
/// proxying anything. Exit 0 clean, 1 findings at or above <c>--fail-on</c>, 2 errors (a server failed, a bad config).
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var server = new Option<string?>("--server", "-s") { Description = "Scan one stdio server: its command line, quoted." };
        var url = new Option<string?>("--url") { Description = "Scan one Streamable HTTP server at this URL." };
        var config = new Option<string[]>("--config-file") { Description = "An MCP client config file (Claude Desktop, Claude Code, Cursor, VS Code, Windsurf); repeatable. Default: the platform's usual locations." };
        // The old name, hidden: --config means vanguard.yaml in every other command.
        var legacyConfig = new Option<string[]>("--config") { Hidden = true };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var sarif = new Option<string?>("--sarif") { Description = "Write SARIF 2.1.0 to this file ('-' for stdout)." };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest level that makes the exit status 1: note, warning (default) or error.", DefaultValueFactory = _ => "warning" };
        failOn.AcceptOnlyFromAmong("note", "warning", "error");
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed per server (start-up, handshake and lists).", DefaultValueFactory = _ => 30 };
        var scan = new Command("scan", HelpText.With(
            "Scan MCP servers' tools, prompts and resources for poisoning without proxying anything. Entries already wrapped in 'vanguard start' are scanned unwrapped.",
            "vanguard scan",
            "vanguard scan --config-file ~/.config/Claude/claude_desktop_config.json --json",
            "vanguard scan --server \"npx -y @modelcontextprotocol/server-everything\"",
            "vanguard scan --url http://127.0.0.1:3001/mcp --sarif scan.sarif"))
        {
            server, url, config, legacyConfig, json, sarif, failOn, timeout,
        };
        common.AddTo(scan, withConfig: false);
        scan.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(timeout) is < 1 or > 3600)
            {
                Console.Error.WriteLine("[vanguard] --timeout must be 1 to 3600 seconds.");
                return EngineFactory.ConfigurationError;
            }

            var targets = Targets(parse.GetValue(server), parse.GetValue(url), [.. parse.GetValue(config) ?? [], .. parse.GetValue(legacyConfig) ?? []]);
            if (targets is null)
            {
                return EngineFactory.ConfigurationError;
            }

            if (targets.Count == 0)
            {
                Console.Error.WriteLine("[vanguard] nothing to scan: no MCP config found in the default locations; use --server, --url or --config-file.");
                return EngineFactory.ConfigurationError;
            }

            if (EngineFactory.TryLoadOptions(common, parse) is not { } options
                || EngineFactory.TryCreatePinStore(options, readOnly: true) is not { } pins
                || EngineFactory.TryCreateEngine(options, pins) is not var (_, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            // L2's model first: a server's tool list is scored for its kind only once the model is ready.
            await McpVanguard.Inspection.Semantic.SemanticStage.WhenLoadedAsync(engine, cancellationToken);
            var scanner = new ServerScanner(engine, TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var results = new List<ServerScanResult>();
            foreach (var target in targets)
            {
                Console.Error.WriteLine(target.UnwrappedFrom is null
                    ? $"[vanguard] scanning {target.Name} ({target.Source})"
                    : $"[vanguard] scanning {target.Name} ({target.Source}): the entry runs vanguard start; scanning the server it wraps directly: {target.Upstream}");
                results.Add(await scanner.ScanAsync(target, cancellationToken));
            }

            var sarifPath = parse.GetValue(sarif);
            if (sarifPath is not null)
            {
                var text = ScanReportWriter.Sarif(results, typeof(ScanCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                if (sarifPath == "-")
                {
                    Console.WriteLine(text);
                }
                else
                {
                    File.WriteAllText(sarifPath, text);
                }
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(ScanReportWriter.Json(results));
            }
            else if (sarifPath != "-")
            {
                PrintTables(results);
            }

            var threshold = ScanFinding.Rank(parse.GetValue(failOn)!);
            return results.Any(static r => r.Error is not null) ? EngineFactory.ConfigurationError
                : results.Any(r => r.Findings.Any(f => ScanFinding.Rank(f.Level) >= threshold)) ? 1
                : 0;
        });
        return scan;
    }

    /// <summary>The servers to scan, or null after printing why a given config or command line is unusable.</summary>
    private static List<ScanTarget>? Targets(string? server, string? url, string[] configs)
    {
        var targets = new List<ScanTarget>();
        try
        {
            if (server is not null)
            {
                targets.Add(new ScanTarget(server, "command line", CommandLineSplitter.Split(server), null));
            }

            if (url is not null)
            {
                targets.Add(new ScanTarget(url, "command line", null, url));
            }

            var files = configs.Length > 0 || targets.Count > 0 ? configs : McpConfigReader.DefaultLocations(Environment.CurrentDirectory).ToArray();
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"[vanguard] MCP config '{file}' does not exist.");
                    return null;
                }

                targets.AddRange(McpConfigReader.Read(file));
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"[vanguard] {ex.Message}");
            return null;
        }

        return targets;
    }

    private static void PrintTables(List<ServerScanResult> results)
    {
        var servers = new Table().Border(TableBorder.Simple).AddColumns("server", "source", "status", "tools", "prompts", "resources", "findings");
        foreach (var r in results)
        {
            var status = r.Error is null ? (r.Findings.Count == 0 ? "[green]clean[/]" : "[yellow]findings[/]") : "[red]error[/]";
            servers.AddRow(Markup.Escape(r.Target.Name), Markup.Escape(r.Target.Source), status, $"{r.Tools}", $"{r.Prompts}", $"{r.Resources + r.ResourceTemplates}", $"{r.Findings.Count}");
        }

        AnsiConsole.Write(servers);
        foreach (var r in results.Where(static r => r.Error is not null))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(r.Target.Name)}[/]: {Markup.Escape(r.Error!)}");
        }

        var findings = results.SelectMany(r => r.Findings.Select(f => (Server: r.Target.Name, Finding: f))).ToList();
        if (findings.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("server", "item", "rule", "level", "reason");
        foreach (var (name, f) in findings)
        {
            var level = f.Level switch
            {
                "error" => "[red]error[/]",
                "warning" => "[yellow]warning[/]",
                _ => "note",
            };
            table.AddRow(Markup.Escape(name), Markup.Escape(f.Item is null ? f.Method : $"{f.ItemKind} {f.Item}"), f.Finding.RuleId, level, Markup.Escape(f.Finding.Reason));
        }

        AnsiConsole.Write(table);
    }
}

using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Integrity;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard pins list|diff|approve [--server ID]</c>: show the tool pins, the changes awaiting approval, and accept them.</summary>
internal static class PinsCommand
{
    public static Command Create()
    {
        var pins = new Command("pins", "Show and approve the pinned tool definitions of each server (rug-pull protection).");
        pins.Subcommands.Add(List());
        pins.Subcommands.Add(Diff());
        pins.Subcommands.Add(Approve());
        return pins;
    }

    private static Option<string?> ServerOption() => new("--server") { Description = "Only this server: its identity, command line or URL, serverInfo name, or server id." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    private static Command List()
    {
        var common = new CommonOptions();
        var server = ServerOption();
        var json = JsonOption();
        var list = new Command("list", "List pinned servers and tools, with pending changes.") { server, json };
        common.AddTo(list);
        list.SetAction(parse => WithStore(common, parse, store =>
        {
            var selected = PinStore.Select(store.Snapshot(), parse.GetValue(server)).ToList();
            if (parse.GetValue(json))
            {
                var file = new PinFile();
                foreach (var (identity, entry) in selected)
                {
                    file.Servers[identity] = entry;
                }

                Console.WriteLine(JsonSerializer.Serialize(file, PinFile.TypeInfo));
                return 0;
            }

            foreach (var (identity, entry) in selected)
            {
                // One table per server: identities are long command lines that would crush a column.
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(identity)}[/] (server id {Markup.Escape(entry.ServerId ?? "-")}, last seen {entry.LastSeen:u})");
                var table = new Table().Border(TableBorder.Simple).AddColumns("tool", "sha256", "pinned", "pending");
                foreach (var name in entry.Tools.Keys.Union(entry.Pending.Keys).Order(StringComparer.Ordinal))
                {
                    var pin = entry.Tools.GetValueOrDefault(name);
                    var pending = entry.Pending.GetValueOrDefault(name);
                    table.AddRow(
                        Markup.Escape(name),
                        pin is null ? "-" : pin.Sha256[..12],
                        pin is null ? "-" : pin.Pinned.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                        pending is null ? "" : $"[yellow]{pending.Change.ToString().ToLowerInvariant()}[/]");
                }

                AnsiConsole.Write(table);
            }

            Console.WriteLine($"{selected.Count} servers, {selected.Sum(s => s.Value.Tools.Count)} pinned tools, {selected.Sum(s => s.Value.Pending.Count)} pending changes ({store.FilePath})");
            return 0;
        }));
        return list;
    }

    private static Command Diff()
    {
        var common = new CommonOptions();
        var server = ServerOption();
        var json = JsonOption();
        var diff = new Command("diff", "Show the changes awaiting approval: pinned versus observed definitions. Exit 1 when there are any.") { server, json };
        common.AddTo(diff);
        diff.SetAction(parse => WithStore(common, parse, store =>
        {
            var changes = PinStore.Select(store.Snapshot(), parse.GetValue(server))
                .SelectMany(kv => kv.Value.Pending.OrderBy(static p => p.Key, StringComparer.Ordinal)
                    .Select(p => (Identity: kv.Key, Tool: p.Key, Change: p.Value, Pin: kv.Value.Tools.GetValueOrDefault(p.Key))))
                .ToList();
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var c in changes)
                {
                    array.Add(new JsonObject
                    {
                        ["server"] = c.Identity,
                        ["tool"] = c.Tool,
                        ["change"] = c.Change.Change.ToString().ToLowerInvariant(),
                        ["pinned"] = c.Pin?.Definition is { } before ? JsonNode.Parse(before.GetRawText()) : null,
                        ["observed"] = c.Change.Definition is { } after ? JsonNode.Parse(after.GetRawText()) : null,
                        ["first_seen"] = c.Change.FirstSeen,
                    });
                }

                Console.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return changes.Count == 0 ? 0 : 1;
            }

            foreach (var c in changes)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(c.Identity)}[/]  tool [bold]{Markup.Escape(c.Tool)}[/]: [yellow]{c.Change.Change.ToString().ToLowerInvariant()}[/] (first seen {c.Change.FirstSeen:u})");
                if (c.Change.Change == PinChange.Changed && (c.Pin?.Definition is null || c.Change.Definition is null))
                {
                    Console.WriteLine("  (definition too large to keep: only the fingerprints differ)");
                }

                foreach (var line in DefinitionDiff.Compare(c.Pin?.Definition, c.Change.Definition))
                {
                    var text = Markup.Escape(line.Text);
                    AnsiConsole.MarkupLine(line.Kind switch
                    {
                        '-' => $"[red]- {text}[/]",
                        '+' => $"[green]+ {text}[/]",
                        _ => $"  {text}",
                    });
                }

                Console.WriteLine();
            }

            Console.WriteLine(changes.Count == 0 ? "No pending changes." : $"{changes.Count} pending changes. Approve with: vanguard pins approve [--server ID] (--tool NAME | --all)");
            return changes.Count == 0 ? 0 : 1;
        }));
        return diff;
    }

    private static Command Approve()
    {
        var common = new CommonOptions();
        var server = ServerOption();
        var tool = new Option<string?>("--tool") { Description = "Approve the pending change of this tool only." };
        var all = new Option<bool>("--all") { Description = "Approve every pending change (of the selected server, or of all servers)." };
        var approve = new Command("approve", "Accept pending changes into the pins: the observed definitions become the approved ones.") { server, tool, all };
        common.AddTo(approve);
        approve.SetAction(parse => WithStore(common, parse, store =>
        {
            if (parse.GetValue(all) == (parse.GetValue(tool) is not null))
            {
                Console.Error.WriteLine("[vanguard] say what to approve: --tool NAME or --all.");
                return EngineFactory.ConfigurationError;
            }

            var approved = store.Approve(parse.GetValue(server), parse.GetValue(tool));
            foreach (var (identity, tools) in approved)
            {
                Console.WriteLine($"approved {string.Join(", ", tools)} for {identity}");
            }

            if (approved.Count == 0)
            {
                Console.Error.WriteLine("[vanguard] nothing to approve for that selection (see vanguard pins diff).");
                return 1;
            }

            return 0;
        }));
        return approve;
    }

    private static int WithStore(CommonOptions common, ParseResult parse, Func<PinStore, int> action)
    {
        if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
        {
            return EngineFactory.ConfigurationError;
        }

        try
        {
            return action(new PinStore(options.PinsFilePath));
        }
        catch (PinStoreException ex)
        {
            Console.Error.WriteLine($"[vanguard] pins: {ex.Message}");
            return EngineFactory.ConfigurationError;
        }
    }
}

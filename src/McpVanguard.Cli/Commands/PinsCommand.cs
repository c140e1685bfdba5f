using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Integrity;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard pins list|diff|approve|export [--server ID]</c>: show the pins (tools, prompts, resources, templates), the changes awaiting approval, and accept them.</summary>
internal static class PinsCommand
{
    public static Command Create()
    {
        var pins = new Command("pins", "Show and approve the pinned tool, prompt, resource and template definitions of each server (rug-pull protection).");
        pins.Subcommands.Add(List());
        pins.Subcommands.Add(Diff());
        pins.Subcommands.Add(Approve());
        pins.Subcommands.Add(PinsExportCommand.Create(ServerOption()));
        return pins;
    }

    private static Option<string?> ServerOption() => new("--server") { Description = "Only this server: its identity, command line or URL, serverInfo name, or server id." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    private static Command List()
    {
        var common = new CommonOptions();
        var server = ServerOption();
        var json = JsonOption();
        var list = new Command("list", "List pinned servers, tools, prompts, resources and templates, with pending changes.") { server, json };
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
                var table = new Table().Border(TableBorder.Simple).AddColumns("kind", "name", "sha256", "pinned", "pending");
                foreach (var (kind, name, pin, pending) in Items(entry))
                {
                    table.AddRow(
                        PinStore.Label(kind),
                        Markup.Escape(name),
                        pin is null ? "-" : pin.Sha256[..12],
                        pin is null ? "-" : pin.Pinned.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                        pending is null ? "" : $"[yellow]{pending.Change.ToString().ToLowerInvariant()}[/]");
                }

                AnsiConsole.Write(table);
            }

            Console.WriteLine($"{selected.Count} servers, {selected.Sum(s => s.Value.Tools.Count)} pinned tools, {selected.Sum(s => Items(s.Value).Count(static i => i.Pin is not null && i.Kind != PinKind.Tool))} pinned prompts, resources and templates, {selected.Sum(s => Items(s.Value).Count(static i => i.Pending is not null))} pending changes ({store.FilePath})");
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
                .SelectMany(kv => Items(kv.Value).Where(static i => i.Pending is not null)
                    .Select(i => (Identity: kv.Key, i.Kind, Tool: i.Name, Change: i.Pending!, i.Pin)))
                .ToList();
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var c in changes)
                {
                    array.Add((JsonNode)new JsonObject
                    {
                        ["server"] = c.Identity,
                        ["kind"] = PinStore.Label(c.Kind),
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
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(c.Identity)}[/]  {PinStore.Label(c.Kind)} [bold]{Markup.Escape(c.Tool)}[/]: [yellow]{c.Change.Change.ToString().ToLowerInvariant()}[/] (first seen {c.Change.FirstSeen:u})");
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

            Console.WriteLine(changes.Count == 0 ? "No pending changes." : $"{changes.Count} pending changes. Approve with: vanguard pins approve [--server ID] (--tool NAME | --prompt NAME | --resource URI | --template URI_TEMPLATE | --all)");
            return changes.Count == 0 ? 0 : 1;
        }));
        return diff;
    }

    private static Command Approve()
    {
        var common = new CommonOptions();
        var server = ServerOption();
        var tool = new Option<string?>("--tool") { Description = "Approve the pending change of this tool only." };
        var prompt = new Option<string?>("--prompt") { Description = "Approve the pending change of this prompt only." };
        var resource = new Option<string?>("--resource") { Description = "Approve the pending change of the resource with this uri only." };
        var template = new Option<string?>("--template") { Description = "Approve the pending change of the resource template with this uriTemplate only." };
        var all = new Option<bool>("--all") { Description = "Approve every pending change of every kind (of the selected server, or of all servers)." };
        var approve = new Command("approve", "Accept pending changes into the pins: the observed definitions become the approved ones.") { server, tool, prompt, resource, template, all };
        common.AddTo(approve);
        approve.SetAction(parse => WithStore(common, parse, store =>
        {
            (PinKind Kind, string Name)[] named = [.. new[] { (PinKind.Tool, parse.GetValue(tool)), (PinKind.Prompt, parse.GetValue(prompt)), (PinKind.Resource, parse.GetValue(resource)), (PinKind.ResourceTemplate, parse.GetValue(template)) }
                .Where(static n => n.Item2 is not null).Select(static n => (n.Item1, n.Item2!))];
            if (parse.GetValue(all) == (named.Length == 1) || named.Length > 1)
            {
                Console.Error.WriteLine("[vanguard] say what to approve: one of --tool NAME, --prompt NAME, --resource URI, --template URI_TEMPLATE, or --all.");
                return EngineFactory.ConfigurationError;
            }

            var approved = named.Length == 1
                ? store.Approve(parse.GetValue(server), named[0].Name, named[0].Kind)
                : store.Approve(parse.GetValue(server), null, null);
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

    /// <summary>Every pinned or pending item of a server, tools first, then prompts, resources and templates, each by name.</summary>
    private static IEnumerable<(PinKind Kind, string Name, PinnedTool? Pin, PendingChange? Pending)> Items(PinnedServer entry)
    {
        foreach (var list in PinnedList.All)
        {
            if (entry.Of(list.Kind) is not var (pins, pending))
            {
                continue;
            }

            foreach (var name in pins.Keys.Union(pending.Keys).Order(StringComparer.Ordinal))
            {
                yield return (list.Kind, name, pins.GetValueOrDefault(name), pending.GetValueOrDefault(name));
            }
        }
    }

    private static int WithStore(CommonOptions common, ParseResult parse, Func<PinStore, int> action)
    {
        if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
        {
            return EngineFactory.ConfigurationError;
        }

        // With state.redis the deployment's shared pins are read and approved (the local pin file mirrors them).
        var ledger = McpVanguard.Gateway.State.SharedStateFactory.PinLedger(options);
        try
        {
            var store = new PinStore(options.PinsFilePath, log: Console.Error);
            if (ledger is not null)
            {
                store.ShareThrough(ledger, fallBackToLocal: true, reseed: false);
            }

            return action(store);
        }
        catch (PinStoreException ex)
        {
            Console.Error.WriteLine($"[vanguard] pins: {ex.Message}");
            return EngineFactory.ConfigurationError;
        }
        finally
        {
            ledger?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Cli.Commands;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Configure;

/// <summary>
/// Runs one <c>vanguard configure</c>: reads each client file, wraps or unwraps the chosen entries, and writes (or, with
/// <c>--dry-run</c>, shows) the result. A broken file is reported and skipped; the others are still done.
/// </summary>
/// <param name="width">The terminal's width for the listing's lines, or null when the output is piped (whole lines).</param>
internal sealed class ClientConfigurator(IReadOnlyList<string> vanguard, ConfigureLedger ledger, TextWriter output, TextWriter error, DateTimeOffset now, int? width)
{
    /// <summary>Exit code: 0 done, 1 a file could not be read or rewritten, 2 nothing to work on or an unknown server name.</summary>
    public int Run(IReadOnlyList<McpClientConfig> files, ConfigureRequest request)
    {
        if (files.Count == 0)
        {
            error.WriteLine("[vanguard] no MCP client config found in the usual locations; name one with --config-file PATH.");
            return EngineFactory.ConfigurationError;
        }

        var failed = false;
        var report = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ClientConfigDocument document;
            try
            {
                if (!File.Exists(file.Path))
                {
                    throw new FormatException($"{file.Path}: does not exist.");
                }

                document = ClientConfigDocument.Read(file.Path, file.Client);
            }
            catch (FormatException ex)
            {
                error.WriteLine($"[vanguard] {ex.Message}");
                failed = true;
                continue;
            }

            failed |= !Process(document, request, report, seen);
        }

        var missing = request.Servers.Where(s => !seen.Contains(s)).ToList();
        if (request.Json)
        {
            output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        if (missing.Count > 0)
        {
            error.WriteLine($"[vanguard] no entry named {string.Join(", ", missing.Select(m => $"'{m}'"))} in the selected config files; run 'vanguard configure' to list them.");
            return EngineFactory.ConfigurationError;
        }

        return failed ? 1 : 0;
    }

    /// <summary>One file: returns false when it needed a change that could not be written.</summary>
    private bool Process(ClientConfigDocument document, ConfigureRequest request, JsonArray report, HashSet<string> seen)
    {
        if (!request.Json)
        {
            List($"{document.Client}: {document.Path}", $"{document.Client}:", document.Path);
        }

        var changes = new List<(string Name, string Before, string After)>();
        var gatewayUpstreams = new List<(string Id, string Url, IReadOnlyList<string> Headers)>();
        if (document.Maps.Count == 0 && !request.Json)
        {
            output.WriteLine("  (no MCP servers)");
        }

        foreach (var map in document.Maps)
        {
            foreach (var (name, entry) in map.Servers.ToList())
            {
                var selected = request.All || request.Servers.Contains(name, StringComparer.Ordinal);
                if (request.Servers.Contains(name, StringComparer.Ordinal))
                {
                    seen.Add(name);
                }

                var state = ServerEntryRewriter.StateOf(entry);
                var before = ClientConfigDocument.Show(entry);
                var change = request.Changes && selected && entry is JsonObject o ? Change(document, map, name, o, request, gatewayUpstreams) : null;
                if (change is not null)
                {
                    changes.Add((map.Describe(name), before, ClientConfigDocument.Show(map.Servers[name])));
                }

                var outcome = change ?? Outcome(state, selected && request.Changes, request.Undo, request.Gateway is not null);
                report.Add((JsonNode)new JsonObject
                {
                    ["client"] = document.Client,
                    ["file"] = document.Path,
                    ["project"] = map.Project,
                    ["server"] = name,
                    ["state"] = Name(ServerEntryRewriter.StateOf(map.Servers[name])),
                    ["action"] = outcome,
                });
                if (!request.Json)
                {
                    List($"  {map.Describe(name)}: {outcome}", $"  {map.Describe(name)}:", outcome);
                }
            }
        }

        if (gatewayUpstreams.Count > 0)
        {
            // The gateway must serve these upstreams under the same ids; header values are secrets and are not printed.
            error.WriteLine($"[vanguard] add these upstreams to the vanguard.yaml of the gateway at {request.Gateway}:");
            error.WriteLine("servers:");
            foreach (var (id, url, headers) in gatewayUpstreams)
            {
                error.WriteLine($"  - id: {id}");
                error.WriteLine($"    url: \"{url}\"");
                if (headers.Count > 0)
                {
                    error.WriteLine($"    headers: {{ {string.Join(", ", headers.Select(h => $"\"{h}\": \"...\""))} }}   # the values the client entry had (kept in its backup)");
                }
            }
        }

        if (changes.Count == 0)
        {
            return true;
        }

        if (request.DryRun || !document.Lossless)
        {
            // The diff is the output of a dry run (stdout), unless stdout carries the JSON report.
            var diff = request.Json ? error : output;
            foreach (var (name, before, after) in changes)
            {
                diff.WriteLine($"--- {document.Path} :: {name}");
                diff.WriteLine($"+++ {document.Path} :: {name} ({(request.Undo ? "restored" : "configured")})");
                foreach (var line in before.Split('\n'))
                {
                    diff.WriteLine("-" + line.TrimEnd('\r'));
                }

                foreach (var line in after.Split('\n'))
                {
                    diff.WriteLine("+" + line.TrimEnd('\r'));
                }
            }

            if (!document.Lossless && !request.DryRun)
            {
                // Writing it back would drop the user's comments: the new entries above are for pasting by hand.
                error.WriteLine($"[vanguard] {document.Path} has comments or trailing commas that rewriting would lose; not changed. Paste the '+' entries above by hand.");
                return false;
            }

            return true;
        }

        try
        {
            var backup = document.Save(now);
            SaveLedger();
            error.WriteLine($"[vanguard] {document.Path}: {changes.Count} entr{(changes.Count == 1 ? "y" : "ies")} {(request.Undo ? "restored" : "configured")}; backup at {backup}. Restart the client to apply.");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"[vanguard] {document.Path}: cannot be written ({ex.Message}); not changed.");
            return false;
        }
    }

    private void List(string line, string head, string value)
    {
        foreach (var fitted in CompactOutput.Fit(line, head, value, width))
        {
            output.WriteLine(fitted);
        }
    }

    private void SaveLedger()
    {
        try
        {
            ledger.Save();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"[vanguard] the record of rewritten entries cannot be written ({ex.Message}); --undo will derive what it can, and the backup has the rest.");
        }
    }

    /// <summary>Rewrites one selected entry (the ledger remembers or gives back its original); returns what was done, or null when nothing changed.</summary>
    private string? Change(ClientConfigDocument document, McpServerMap map, string name, JsonObject entry, ConfigureRequest request, List<(string, string, IReadOnlyList<string>)> gatewayUpstreams)
    {
        var original = entry.DeepClone();
        if (request.Undo)
        {
            if (ledger.OriginalOf(document.Path, map.Project, name, entry) is { } recorded)
            {
                map.Servers[name] = recorded;
                ledger.Forget(document.Path, map.Project, name);
                return "restored now";
            }

            return ServerEntryRewriter.Unwrap(entry) ? "unwrapped now" : null;
        }

        string? done = null;
        if (ServerEntryRewriter.Wrap(entry, name, vanguard))
        {
            done = "wrapped now";
        }
        else if (ServerEntryRewriter.WrappingOf(entry) is not null && ServerEntryRewriter.Repoint(entry, vanguard))
        {
            // The ledger keeps the entry's first original (from before it was wrapped), not the wrapping that pointed elsewhere.
            var unwrapped = original.DeepClone();
            original = ledger.OriginalOf(document.Path, map.Project, name, original)
                ?? (ServerEntryRewriter.Unwrap((JsonObject)unwrapped) ? unwrapped : original);
            done = $"re-pointed at {string.Join(' ', vanguard)}";
        }
        else if (request.Gateway is not null && ServerEntryRewriter.PointAtGateway(entry, name, request.Gateway) is { } upstream)
        {
            gatewayUpstreams.Add((ServerEntryRewriter.ServerId(name), upstream.Upstream, upstream.Headers));
            done = $"now served through the gateway at {request.Gateway}";
        }

        if (done is not null)
        {
            ledger.Remember(document.Path, map.Project, name, original, entry);
        }

        return done;
    }

    private static string Outcome(EntryState state, bool selected, bool undo, bool gateway) => (state, selected, undo) switch
    {
        (EntryState.Wrapped, true, false) => "already wrapped (unchanged)",
        (EntryState.Unwrapped, true, true) => "not wrapped (unchanged)",
        (EntryState.Http, true, false) when gateway => "already served through the gateway (unchanged)",
        (EntryState.Http, true, true) => "http entry with no recorded original (unchanged); restore it from its backup if configure changed it",
        (EntryState.Http, _, _) => "http entry: not rewritten; with --gateway URL it is pointed at a 'vanguard serve' gateway",
        (EntryState.Invalid, _, _) => "neither a command nor a url: skipped",
        (EntryState.Wrapped, _, _) => "wrapped",
        _ => "not wrapped",
    };

    private static string Name(EntryState state) => state.ToString().ToLowerInvariant();
}

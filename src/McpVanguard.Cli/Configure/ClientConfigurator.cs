using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Cli.Commands;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Configure;

/// <summary>
/// Runs one <c>vanguard configure</c>: reads each client file, wraps or unwraps the chosen entries, and writes (or, with
/// <c>--dry-run</c>, shows) the result. A broken file is reported and skipped; the others are still done.
/// </summary>
internal sealed class ClientConfigurator(IReadOnlyList<string> vanguard, TextWriter output, TextWriter error, DateTimeOffset now)
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
            output.WriteLine($"{document.Client}: {document.Path}");
        }

        if (document.Servers is null)
        {
            if (!request.Json)
            {
                output.WriteLine("  (no MCP servers)");
            }

            return true;
        }

        var changes = new List<(string Name, string Before, string After)>();
        foreach (var (name, entry) in document.Servers.ToList())
        {
            var selected = request.All || request.Servers.Contains(name, StringComparer.Ordinal);
            if (request.Servers.Contains(name, StringComparer.Ordinal))
            {
                seen.Add(name);
            }

            var state = ServerEntryRewriter.StateOf(entry);
            var before = ClientConfigDocument.Show(entry);
            var changed = request.Changes && selected && entry is JsonObject o
                && (request.Undo ? ServerEntryRewriter.Unwrap(o) : ServerEntryRewriter.Wrap(o, name, vanguard));
            if (changed)
            {
                changes.Add((name, before, ClientConfigDocument.Show(entry)));
            }

            var outcome = Outcome(state, changed, selected && request.Changes, request.Undo);
            report.Add(new JsonObject
            {
                ["client"] = document.Client,
                ["file"] = document.Path,
                ["server"] = name,
                ["state"] = Name(changed ? (request.Undo ? EntryState.Unwrapped : EntryState.Wrapped) : state),
                ["action"] = outcome,
            });
            if (!request.Json)
            {
                output.WriteLine($"  {name}: {outcome}");
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
                diff.WriteLine($"+++ {document.Path} :: {name} ({(request.Undo ? "unwrapped" : "wrapped")})");
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
            error.WriteLine($"[vanguard] {document.Path}: {changes.Count} entr{(changes.Count == 1 ? "y" : "ies")} {(request.Undo ? "unwrapped" : "wrapped")}; backup at {backup}. Restart the client to apply.");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"[vanguard] {document.Path}: cannot be written ({ex.Message}); not changed.");
            return false;
        }
    }

    private static string Outcome(EntryState state, bool changed, bool selected, bool undo) => (state, changed, selected, undo) switch
    {
        (_, true, _, false) => "wrapped now",
        (_, true, _, true) => "unwrapped now",
        (EntryState.Wrapped, _, true, false) => "already wrapped (unchanged)",
        (EntryState.Unwrapped, _, true, true) => "not wrapped (unchanged)",
        (EntryState.Http, _, _, _) => "http entry: not rewritten; front it with 'vanguard serve --upstream-url URL' and point the entry's url at the gateway",
        (EntryState.Invalid, _, _, _) => "neither a command nor a url: skipped",
        (EntryState.Wrapped, _, _, _) => "wrapped",
        _ => "not wrapped",
    };

    private static string Name(EntryState state) => state.ToString().ToLowerInvariant();
}

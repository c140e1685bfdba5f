using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Cli.Configure;
using McpVanguard.Configuration;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard configure</c> (alias <c>configure-claude</c>): lists the MCP servers of the desktop clients' config files and
/// puts chosen stdio entries behind <c>vanguard start --server-id NAME</c> and HTTP entries behind a gateway
/// (<c>--gateway</c>), or gives them back (<c>--undo</c>).
/// </summary>
internal static class ConfigureCommand
{
    public static Command Create()
    {
        var client = new Option<string[]>("--client") { Description = $"Only this client's config files: {string.Join(", ", McpClientLocations.Clients)} (repeatable). Default: every client found." };
        client.AcceptOnlyFromAmong([.. McpClientLocations.Clients]);
        var configFile = new Option<string[]>("--config-file") { Description = "A client config file to edit, named explicitly (repeatable); replaces the search of the usual locations." };
        var server = new Option<string[]>("--server") { Description = "Wrap (or with --undo, unwrap) the entry with this name (repeatable)." };
        var all = new Option<bool>("--all") { Description = "Wrap (or unwrap) every stdio entry of the selected files." };
        var undo = new Option<bool>("--undo") { Description = "Take the selected entries out of vanguard: their own command and arguments come back exactly." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change as a diff; write nothing." };
        var json = new Option<bool>("--json") { Description = "Print the entries and what was done as JSON." };
        var gateway = new Option<string?>("--gateway") { Description = "Point the selected HTTP (url) entries at this 'vanguard serve' gateway (its base URL); prints the servers: entries the gateway needs." };
        var vanguard = new Option<string?>("--vanguard") { Description = "The vanguard executable to write into the entries (default: this one, by absolute path)." };
        var command = new Command("configure", HelpText.With(
            "Put the MCP servers of Claude Desktop, Claude Code, Cursor, VS Code and Windsurf behind vanguard (each wrapped in 'vanguard start --server-id NAME', by absolute path). "
                + "Without --server or --all it lists the entries and whether they are wrapped. Idempotent; a backup of each file it changes is kept beside it.",
            "vanguard configure",
            "vanguard configure --all --dry-run",
            "vanguard configure --client claude-desktop --server filesystem",
            "vanguard configure --config-file .vscode/mcp.json --all",
            "vanguard configure --server remote --gateway https://gateway.internal:8080",
            "vanguard configure --all --undo"))
        {
            client, configFile, server, all, undo, dryRun, json, gateway, vanguard,
        };
        command.Aliases.Add("configure-claude");
        command.SetAction(parse =>
        {
            Uri? gatewayUrl = null;
            if (parse.GetValue(gateway) is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out gatewayUrl) || gatewayUrl.Scheme is not ("http" or "https")))
            {
                Console.Error.WriteLine($"[vanguard] --gateway must be an absolute http(s) URL, got '{text}'.");
                return EngineFactory.ConfigurationError;
            }

            var request = new ConfigureRequest(
                parse.GetValue(server) ?? [],
                parse.GetValue(all),
                parse.GetValue(undo),
                parse.GetValue(dryRun),
                parse.GetValue(json),
                gatewayUrl);
            var files = (parse.GetValue(configFile) ?? []) is { Length: > 0 } named
                ? named.Select(p => new McpClientConfig(McpClientLocations.Guess(p), Path.GetFullPath(p))).ToList()
                : McpClientLocations.Existing(Environment.CurrentDirectory)
                    .Where(c => parse.GetValue(client) is not { Length: > 0 } chosen || chosen.Contains(c.Client, StringComparer.Ordinal))
                    .ToList();
            IReadOnlyList<string> executable;
            try
            {
                executable = VanguardExecutable.Command(parse.GetValue(vanguard));
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            var ledger = ConfigureLedger.Open(ConfigurationLoader.DefaultStatePath("configure-ledger.json"));
            return new ClientConfigurator(executable, ledger, Console.Out, Console.Error, DateTimeOffset.UtcNow, CompactOutput.TerminalWidth()).Run(files, request);
        });
        return command;
    }
}

/// <summary>What <c>vanguard configure</c> was asked to do.</summary>
internal sealed record ConfigureRequest(IReadOnlyList<string> Servers, bool All, bool Undo, bool DryRun, bool Json, Uri? Gateway = null)
{
    public bool Changes => All || Servers.Count > 0;
}

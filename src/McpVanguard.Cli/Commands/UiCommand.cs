using System.CommandLine;
using System.Diagnostics;
using McpVanguard.Cli.AuditLog;
using McpVanguard.Configuration;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard ui [--port 4040] [--no-browser] [--gateway URL]</c>: the local dashboard over the audit log, the pins and
/// the rules of the effective configuration (the same files <c>vanguard audit</c> and <c>vanguard pins</c> use).
/// </summary>
internal static class UiCommand
{
    public const int DefaultPort = 4040;

    public static Command Create()
    {
        var common = new CommonOptions();
        var port = new Option<int>("--port") { Description = $"The loopback port (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the URL only; do not open a browser." };
        var gateway = new Option<string?>("--gateway") { Description = "A running `vanguard serve` (its base URL) whose live state the Overview shows; its admin key comes from VANGUARD_ADMIN_KEY." };
        var ui = new Command("ui", HelpText.With(
            "A local web dashboard on 127.0.0.1: live decisions, an overview, servers and tools with pin drift to approve, and the rules with their hits. Opened with a one-time token printed here.",
            "vanguard ui",
            "vanguard ui --port 0 --no-browser",
            "vanguard ui --gateway http://127.0.0.1:8080")) { port, noBrowser, gateway };
        common.AddTo(ui);
        ui.SetAction(async (parse, cancellationToken) =>
        {
            var requestedPort = parse.GetValue(port);
            if (requestedPort is < 0 or > 65535)
            {
                Console.Error.WriteLine($"[vanguard] --port {requestedPort} is not a port (0 to 65535).");
                return EngineFactory.ConfigurationError;
            }

            if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
            {
                return EngineFactory.ConfigurationError;
            }

            Uri? gatewayUrl = null;
            if (parse.GetValue(gateway) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out gatewayUrl) || gatewayUrl.Scheme is not ("http" or "https")))
            {
                Console.Error.WriteLine($"[vanguard] --gateway '{url}' is not an http(s) URL.");
                return EngineFactory.ConfigurationError;
            }

            IReadOnlyList<Rule> rules;
            try
            {
                rules = RuleLoader.Load(options.RulesDirectory);
            }
            catch (RuleLoadException ex)
            {
                Console.Error.WriteLine($"[vanguard] rules error: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            return await RunAsync(options, rules, requestedPort, gatewayUrl, !parse.GetValue(noBrowser), cancellationToken).ConfigureAwait(false);
        });
        return ui;
    }

    /// <summary>Kept apart (not inlined) so that only <c>vanguard ui</c> loads the dashboard and ASP.NET Core.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<int> RunAsync(VanguardOptions options, IReadOnlyList<Rule> rules, int port, Uri? gatewayUrl, bool openBrowser, CancellationToken cancellationToken)
    {
        Dashboard.GatewayConnection? gateway = null;
        if (gatewayUrl is not null)
        {
            // Read where the configuration reads the environment (CommonOptions), never elsewhere.
            if (!CommonOptions.ReadEnvironment(Gateway.Auth.GatewayAuthOptionsReader.AdminKeyVariable).TryGetValue(Gateway.Auth.GatewayAuthOptionsReader.AdminKeyVariable, out var key) || key.Length == 0)
            {
                Console.Error.WriteLine("[vanguard] --gateway needs the gateway's admin key in VANGUARD_ADMIN_KEY (the key the gateway was started with).");
                return EngineFactory.ConfigurationError;
            }

            gateway = new Dashboard.GatewayConnection(gatewayUrl, key);
        }

        if (EngineFactory.TryCreatePinStore(options) is not { } pins)
        {
            return EngineFactory.ConfigurationError;
        }

        // With state.redis the dashboard shows and approves the deployment's shared pins (docs/PINNING.md).
        await using var pinLedger = Gateway.State.SharedStateFactory.PinLedger(options);
        if (pinLedger is not null)
        {
            pins.ShareThrough(pinLedger, fallBackToLocal: true, reseed: false);
        }

        await using var audit = EngineFactory.CreateAuditSink(options);
        var reader = new AuditLogReader(options.AuditLogPath);
        var dashboardOptions = new Dashboard.DashboardOptions(
            port,
            options.AuditLogPath,
            reader.Files,
            pins,
            audit,
            [.. rules.Select(static r => new Dashboard.Pages.RuleInfo(r.Id, r.Title, r.Category, r.Severity.ToString().ToLowerInvariant(), r.Action.ToString().ToLowerInvariant(), r.Enabled, r.Kind))],
            gateway);
        Dashboard.DashboardServer server;
        try
        {
            server = await Dashboard.DashboardServer.StartAsync(dashboardOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel reports a taken port as an IOException (AddressInUseException).
            Console.Error.WriteLine($"[vanguard] ui: cannot listen on 127.0.0.1:{port} ({ex.Message}). Try --port 0.");
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"vanguard ui: {server.SignInUrl}");
            Console.WriteLine($"  audit log {options.AuditLogPath}, pins {options.PinsFilePath}; Ctrl+C to stop. The link carries a one-time token: do not share it.");
            if (openBrowser)
            {
                TryOpenBrowser(server.SignInUrl);
            }

            await server.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Opens the system browser where there is one (a desktop session); on a server it prints the URL only.</summary>
    private static void TryOpenBrowser(Uri url)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true })?.Dispose();
            }
            else if (OperatingSystem.IsMacOS())
            {
                Process.Start("open", url.ToString())?.Dispose();
            }
            else if (HasDisplay())
            {
                Process.Start(new ProcessStartInfo("xdg-open", url.ToString()) { RedirectStandardError = true, RedirectStandardOutput = true })?.Dispose();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No opener installed: the printed URL is enough.
        }
    }

    private static bool HasDisplay() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}

using System.Net;
using System.Text.Json.Nodes;
using McpVanguard.Cli.Commands;
using McpVanguard.Cli.Configure;
using McpVanguard.Configuration;
using McpVanguard.Core.Trust.Manifests;
using McpVanguard.Gateway.Auth;
using McpVanguard.Inspection.Rules;
using McpVanguard.Integrity;
using McpVanguard.Policy;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Doctor;

/// <summary>
/// The checks of <c>vanguard doctor</c> over one loaded configuration: each looks at the real installation (files, PATH,
/// client configs, permissions) and never changes anything.
/// </summary>
internal sealed class DeploymentChecks(VanguardOptions options, GatewayAuthOptions auth, IReadOnlyList<Rule> rules, string workingDirectory, string? pathVariable)
{
    private const string Poisoning = "MCP-10 / OWASP MCP03 Tool Poisoning";
    private const string Audit = "MCP-22 / OWASP MCP08 Lack of Audit and Telemetry";
    private const string Paths = "MCP-08 / OWASP MCP02 Privilege Escalation via Scope Creep";
    private const string Authentication = "MCP-04 / OWASP MCP07 Insufficient Authentication & Authorization";
    private const string SupplyChain = "MCP-16 / OWASP MCP04 Software Supply Chain Attacks";
    private const string Shadow = "OWASP MCP09 Shadow MCP Servers (every server inspected)";

    private (IReadOnlyList<(string Client, string Name, JsonNode? Entry)> Entries, string? Unreadable)? _clientEntries;

    public IReadOnlyList<DoctorCheck> Run() =>
    [
        ConfigValid(),
        RulesSelfTest(),
        VanguardOnPath(),
        ClientsWrapped(),
        SafeZonesExist(),
        AuditLogWritable(),
        PinsPending(),
        GatewayExposure(),
        StateDirectoryPermissions(),
        ClientsLaunchThisVanguard(),
        WrappedServersPassLaunchCheck(),
    ];

    /// <summary>The check of a configuration that did not load: the only one that can be made.</summary>
    public static DoctorCheck ConfigInvalid(IEnumerable<string> errors) =>
        new("DOC01", "configuration is valid", CheckStatus.Fail, string.Join("; ", errors), "fix the file:line:column named above; 'vanguard config show' prints the result", Audit);

    private DoctorCheck ConfigValid() => new("DOC01", "configuration is valid", CheckStatus.Pass, $"config: {options.ConfigLocation}", null, Audit);

    private DoctorCheck RulesSelfTest()
    {
        var failures = RuleSelfTest.Run(rules);
        return failures.Count == 0
            ? new("DOC02", "rules pass their own examples", CheckStatus.Pass, $"{rules.Count} rules", null, Poisoning)
            : new("DOC02", "rules pass their own examples", CheckStatus.Fail, $"{failures.Count} examples fail, first: {failures[0].RuleId} ({failures[0].Source})", "run 'vanguard rules test' and fix the rules directory", Poisoning);
    }

    private DoctorCheck VanguardOnPath()
    {
        const string title = "the vanguard on PATH is this one";
        var found = (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Join(d, OperatingSystem.IsWindows() ? "vanguard.exe" : "vanguard"))
            .FirstOrDefault(File.Exists);
        var self = VanguardExecutable.Command(null);
        if (found is null)
        {
            return new("DOC03", title, CheckStatus.Warn, "no vanguard on PATH", "dotnet tool install -g McpVanguard, and add ~/.dotnet/tools to PATH (client configs use the absolute path anyway)", SupplyChain);
        }

        return self.Count == 1 && !SamePath(ResolveLink(found), ResolveLink(self[0]))
            ? new("DOC03", title, CheckStatus.Warn, $"PATH runs {found}, this is {self[0]}", "dotnet tool update -g McpVanguard, or remove the other copy", SupplyChain)
            : new("DOC03", title, CheckStatus.Pass, found, null, SupplyChain);
    }

    private DoctorCheck ClientsWrapped()
    {
        const string title = "MCP clients' stdio servers run behind vanguard";
        var (entries, unreadable) = ClientEntries();
        if (unreadable is not null)
        {
            return new("DOC04", title, CheckStatus.Warn, unreadable, "fix the client config file", Shadow);
        }

        var unwrapped = new List<string>();
        var total = 0;
        foreach (var (client, name, entry) in entries)
        {
            var state = ServerEntryRewriter.StateOf(entry);
            total += state is EntryState.Wrapped or EntryState.Unwrapped ? 1 : 0;
            if (state == EntryState.Unwrapped)
            {
                unwrapped.Add($"{client}:{name}");
            }
        }

        return unwrapped.Count == 0
            ? new("DOC04", title, CheckStatus.Pass, total == 0 ? "no stdio servers in the known client configs" : $"{total} wrapped", null, Shadow)
            : new("DOC04", title, CheckStatus.Warn, $"not wrapped: {string.Join(", ", unwrapped)}", "vanguard configure --all --dry-run, then vanguard configure --all", Shadow);
    }

    /// <summary>
    /// After an upgrade, a move or a second install, clients may still launch another copy (older rules, older fixes) or
    /// a file that is gone (the server no longer starts): each wrapped entry's launcher is compared with this vanguard.
    /// </summary>
    private DoctorCheck ClientsLaunchThisVanguard()
    {
        const string title = "wrapped servers launch this vanguard";
        var self = VanguardExecutable.Command(null)[^1];
        var problems = new List<string>();
        var total = 0;
        // An unreadable client config is DOC04's finding; the readable ones are still compared here.
        foreach (var (client, name, entry) in ClientEntries().Entries)
        {
            if (ServerEntryRewriter.WrappingOf(entry) is not { } wrapping)
            {
                continue;
            }

            total++;
            var launched = Locate(wrapping.LauncherFile);
            if (launched is null)
            {
                problems.Add($"{client}:{name} launches {wrapping.LauncherFile}, which does not exist");
            }
            else if (!SamePath(ResolveLink(launched), ResolveLink(self)))
            {
                problems.Add($"{client}:{name} launches {launched}");
            }
        }

        return problems.Count == 0
            ? new("DOC10", title, CheckStatus.Pass, total == 0 ? "no wrapped servers" : $"{total} launch {self}", null, SupplyChain)
            : new("DOC10", title, CheckStatus.Warn, $"this is {self}; {string.Join("; ", problems)}", "vanguard configure --all (re-points wrapped entries at this vanguard; --vanguard PATH for another)", SupplyChain);
    }

    /// <summary>
    /// The check <c>start</c> makes before spawning each wrapped server (its manifest; under strict, that an npm server
    /// has one), made now: a server it refuses never starts, and the client shows only "server disconnected". Judged
    /// with this configuration, this directory's npm folders and the entry's own <c>--profile</c> and <c>--server-id</c>.
    /// </summary>
    private DoctorCheck WrappedServersPassLaunchCheck()
    {
        const string title = "wrapped servers pass the launch check";
        var refused = new List<string>();
        var unverified = new List<string>();
        var judged = 0;
        ServerLaunchVerifier? verifier = null;
        foreach (var (client, name, entry) in ClientEntries().Entries)
        {
            if (ServerEntryRewriter.WrappingOf(entry) is not { } wrapping)
            {
                continue;
            }

            var profile = Enum.TryParse<Profile>(wrapping.Profile, ignoreCase: true, out var own) ? own : options.Profile;
            var requiredBy = RequiredBy(profile);
            if (options.Trust.Manifest.Path is null && requiredBy is null)
            {
                continue;
            }

            judged++;
            verifier ??= LaunchGate.CreateVerifier();
            var serverId = wrapping.ServerId ?? options.ServerId;
            var verification = verifier.Verify(serverId, wrapping.Inner, options.Trust.Manifest, requiredBy);
            var decision = LaunchDecision.For(verification, profile, serverId);
            if (!decision.Start)
            {
                refused.Add($"{client}:{name} ({verification.Reason})");
            }
            else if (decision.Record is not null)
            {
                unverified.Add($"{client}:{name} ({verification.Reason})");
            }
        }

        const string fix = "vanguard manifest create and sign for each server (docs/TRUST.md), or run it under balanced";
        if (refused.Count > 0)
        {
            return new("DOC11", title, CheckStatus.Fail, $"refused at launch: {string.Join("; ", refused)}", fix, SupplyChain);
        }

        return unverified.Count > 0
            ? new("DOC11", title, CheckStatus.Warn, $"started unverified: {string.Join("; ", unverified)}", fix, SupplyChain)
            : new("DOC11", title, CheckStatus.Pass, judged == 0 ? "no manifest configured or required" : $"{judged} verified", null, SupplyChain);
    }

    /// <summary>
    /// Where <c>trust.require_manifests</c> comes from under <paramref name="profile"/>: an explicit setting holds whatever
    /// the profile; otherwise it follows the profile's default, read from the table the configuration loader applies.
    /// </summary>
    private string? RequiredBy(Profile profile)
    {
        var source = options.Trust.RequireManifestsSource;
        if (source != "default" && !source.StartsWith("profile:", StringComparison.Ordinal))
        {
            return options.Trust.RequireManifests ? source : null;
        }

        var name = profile.ToString().ToLowerInvariant();
        return ConfigurationKeys.ProfileDefaults[name].TryGetValue(ConfigurationKeys.TrustRequireManifests, out var value)
            ? bool.Parse(value) ? "profile:" + name : null
            : bool.Parse(ConfigurationKeys.Defaults[ConfigurationKeys.TrustRequireManifests]) ? "default" : null;
    }

    /// <summary>
    /// Every server entry of the client configs found, read once for DOC04, DOC10 and DOC11, and the first unreadable file's
    /// error (null when all could be read).
    /// </summary>
    private (IReadOnlyList<(string Client, string Name, JsonNode? Entry)> Entries, string? Unreadable) ClientEntries()
    {
        if (_clientEntries is { } read)
        {
            return read;
        }

        var entries = new List<(string, string, JsonNode?)>();
        string? unreadable = null;
        foreach (var config in McpClientLocations.Existing(workingDirectory))
        {
            try
            {
                var document = ClientConfigDocument.Read(config.Path, config.Client);
                entries.AddRange(document.Maps.SelectMany(m => m.Servers.Select(s => (config.Client, m.Describe(s.Key), s.Value))));
            }
            catch (FormatException ex)
            {
                unreadable ??= ex.Message;
            }
        }

        return (_clientEntries = (entries, unreadable)).Value;
    }

    /// <summary>The file a launcher names: a path as is, a bare name through PATH (as the client would find it); null when there is none.</summary>
    private string? Locate(string launcher)
    {
        if (Path.IsPathRooted(launcher) || launcher.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(launcher) ? launcher : null;
        }

        return (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Join(d, launcher))
            .FirstOrDefault(File.Exists);
    }

    private DoctorCheck SafeZonesExist()
    {
        const string title = "safe zones are set and exist";
        if (options.SafeZones.Count == 0)
        {
            return new("DOC05", title, CheckStatus.Warn, "no safe zones: path arguments are not confined", "vanguard init --safe-zone DIR (or safe_zones: in vanguard.yaml)", Paths);
        }

        var missing = options.SafeZones.Where(z => !Directory.Exists(z)).ToList();
        return missing.Count == 0
            ? new("DOC05", title, CheckStatus.Pass, string.Join(", ", options.SafeZones), null, Paths)
            : new("DOC05", title, CheckStatus.Fail, $"missing: {string.Join(", ", missing)}", "create the directories or correct safe_zones", Paths);
    }

    private DoctorCheck AuditLogWritable()
    {
        const string title = "audit log is writable and rotated";
        var path = options.AuditLogPath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                // Opened for append and closed: nothing is written.
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new("DOC06", title, CheckStatus.Fail, $"{path}: {ex.Message}", "set audit.log to a writable file", Audit);
        }

        var budget = options.AuditMaxBytes * (options.AuditMaxFiles + 1);
        return new("DOC06", title, CheckStatus.Pass, $"{path} (rolled at {options.AuditMaxBytes / 1024 / 1024} MiB, {options.AuditMaxFiles} kept: at most {budget / 1024 / 1024} MiB)", null, Audit);
    }

    private DoctorCheck PinsPending()
    {
        const string title = "no tool changes await approval";
        if (!File.Exists(options.PinsFilePath))
        {
            return new("DOC07", title, CheckStatus.Pass, $"no pin file yet ({options.PinsFilePath})", null, Poisoning);
        }

        try
        {
            var file = PinStore.ReadFile(options.PinsFilePath);
            var pending = file.Servers.Values.Sum(s => s.Pending.Count + (s.Prompts?.Pending.Count ?? 0) + (s.Resources?.Pending.Count ?? 0) + (s.ResourceTemplates?.Pending.Count ?? 0));
            return pending == 0
                ? new("DOC07", title, CheckStatus.Pass, $"{file.Servers.Count} servers pinned", null, Poisoning)
                : new("DOC07", title, CheckStatus.Warn, $"{pending} changes withheld until approved", "vanguard pins diff, then vanguard pins approve --server ID --tool NAME", Poisoning);
        }
        catch (PinStoreException ex)
        {
            return new("DOC07", title, CheckStatus.Fail, ex.Message, "restore the pin file from a backup or delete it (tools are then pinned again on first sight)", Poisoning);
        }
    }

    private DoctorCheck GatewayExposure()
    {
        const string title = "the gateway is not exposed without authentication";
        var gateway = options.Gateway;
        var loopback = gateway.Host == "localhost" || (IPAddress.TryParse(gateway.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (loopback)
        {
            return new("DOC08", title, CheckStatus.Pass, $"vanguard serve binds {gateway.Host} (loopback only)", null, Authentication);
        }

        if (!auth.IsEnabled)
        {
            return new("DOC08", title, CheckStatus.Fail, $"gateway.host {gateway.Host} is reachable from the network and auth: has no api_keys or jwt", "add auth: (api_keys or jwt) or bind gateway.host to 127.0.0.1", Authentication);
        }

        return gateway.AllowedHosts.Count == 0
            ? new("DOC08", title, CheckStatus.Warn, $"gateway.host {gateway.Host} with auth, but gateway.allowed_hosts is empty; TLS is expected from a reverse proxy in front", "set gateway.allowed_hosts (and allowed_origins for browsers) and terminate TLS in the proxy", Authentication)
            : new("DOC08", title, CheckStatus.Pass, $"gateway.host {gateway.Host} with auth and allowed hosts {string.Join(", ", gateway.AllowedHosts)}; TLS is expected from a reverse proxy in front", null, Authentication);
    }

    private DoctorCheck StateDirectoryPermissions()
    {
        const string title = "the state directory is private";
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.PinsFilePath))!;
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return new("DOC09", title, CheckStatus.Pass, OperatingSystem.IsWindows() ? "not checked on Windows (per-user profile folder)" : $"{directory} does not exist yet", null, Audit);
        }

        // Others who can write here could replace the pins (approving a rug pull) or the audit log.
        var mode = File.GetUnixFileMode(directory);
        return (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0
            ? new("DOC09", title, CheckStatus.Fail, $"{directory} is writable by group or others (mode {Octal(mode)})", $"chmod 700 {directory}", Audit)
            : (mode & (UnixFileMode.OtherRead | UnixFileMode.GroupRead)) != 0
                ? new("DOC09", title, CheckStatus.Warn, $"{directory} is readable by group or others (mode {Octal(mode)}); the audit log names tools and servers", $"chmod 700 {directory}", Audit)
                : new("DOC09", title, CheckStatus.Pass, directory, null, Audit);
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}

using System.Collections;
using System.CommandLine;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Cli.Commands;

/// <summary>The configuration options every command accepts, and how they become <see cref="VanguardOptions"/>.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Profile { get; } = new("--profile", "-p") { Description = "monitor, balanced (default) or strict." };

    public Option<string?> Config { get; } = new("--config") { Description = "Path of a vanguard.yaml (default: VANGUARD_CONFIG, else the user config directory's, else ./vanguard.yaml if present)." };

    public Option<string[]> SafeZones { get; } = new("--safe-zone") { Description = "An allowed root for path arguments (repeatable). Paths outside every zone are blocked.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> RulesDir { get; } = new("--rules-dir") { Description = "A directory of YAML rules that add to or override the built-in rules by id." };

    public Option<string?> AuditLog { get; } = new("--audit-log") { Description = "Audit log file (JSON lines). Default: the user's state directory." };

    public Option<bool> AuditAllows { get; } = new("--audit-allows") { Description = "Also audit messages that are simply allowed." };

    public Option<string?> ServerId { get; } = new("--server-id") { Description = "Id of the upstream server in audit records (default: default)." };

    public Option<int?> MaxMessageBytes { get; } = new("--max-message-bytes") { Description = "Largest message accepted, in bytes." };

    public Option<string?> PinsFile { get; } = new("--pins-file") { Description = "The tool pin file. Default: pins.json in the user's state directory." };

    public Option<string?> PinsBaseline { get; } = new("--pins-baseline") { Description = "An approved pin file used instead of trust on first use for the servers it names." };

    /// <param name="withConfig">False for a command whose own <c>--config</c> means something else (<c>scan</c>); VANGUARD_CONFIG still applies.</param>
    /// <param name="withSessionFiles">False for a command that neither audits nor keeps pins (<c>replay</c>): the audit, server-id and pin options are still accepted, hidden from its help.</param>
    public void AddTo(Command command, bool withConfig = true, bool withSessionFiles = true)
    {
        foreach (var option in (Option[])[AuditLog, AuditAllows, ServerId, PinsFile, PinsBaseline])
        {
            option.Hidden = !withSessionFiles;
        }

        command.Options.Add(Profile);
        if (withConfig)
        {
            command.Options.Add(Config);
        }

        command.Options.Add(SafeZones);
        command.Options.Add(RulesDir);
        command.Options.Add(AuditLog);
        command.Options.Add(AuditAllows);
        command.Options.Add(ServerId);
        command.Options.Add(MaxMessageBytes);
        command.Options.Add(PinsFile);
        command.Options.Add(PinsBaseline);
    }

    /// <summary>
    /// The <c>auth:</c> section (and <c>VANGUARD_API_KEY</c>) bound by the last <see cref="Load"/>: every command validates it
    /// at load, and <c>serve</c> uses this instance (no second reader).
    /// </summary>
    public GatewayAuthOptions Auth { get; private set; } = new();

    /// <summary>
    /// Whether <c>auth:</c> secrets are resolved from the environment (<c>serve</c>, <c>config show</c>). The other commands
    /// check the section's structure only, so one vanguard.yaml shared with <c>serve</c> does not need the gateway's keys
    /// in the environment of <c>vanguard start</c>.
    /// </summary>
    public bool ResolvesAuthSecrets { get; init; }

    /// <summary>Builds the effective options, every section bound and validated; all configuration errors are reported at once by the caller.</summary>
    public VanguardOptions Load(ParseResult parse, List<string> warnings, IReadOnlyDictionary<string, object>? overrides = null)
    {
        var cli = new Dictionary<string, object>(overrides ?? new Dictionary<string, object>());
        if (parse.GetValue(Profile) is { } profile)
        {
            cli[ConfigurationKeys.Profile] = profile;
        }

        if (parse.GetValue(SafeZones) is { Length: > 0 } zones)
        {
            cli[ConfigurationKeys.SafeZones] = zones.ToList();
        }

        if (parse.GetValue(RulesDir) is { } rules)
        {
            cli[ConfigurationKeys.RulesDir] = rules;
        }

        if (parse.GetValue(AuditLog) is { } audit)
        {
            cli[ConfigurationKeys.AuditLog] = audit;
        }

        if (parse.GetValue(AuditAllows))
        {
            cli[ConfigurationKeys.AuditAllows] = "true";
        }

        if (parse.GetValue(ServerId) is { } serverId)
        {
            cli[ConfigurationKeys.ServerId] = serverId;
        }

        if (parse.GetValue(MaxMessageBytes) is { } max)
        {
            cli[ConfigurationKeys.MaxMessageBytes] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (parse.GetValue(PinsFile) is { } pinsFile)
        {
            cli[ConfigurationKeys.PinsFile] = pinsFile;
        }

        if (parse.GetValue(PinsBaseline) is { } pinsBaseline)
        {
            cli[ConfigurationKeys.PinsBaseline] = pinsBaseline;
        }

        // Every variable, not only VANGUARD_*: API keys and JWT secrets may be named by any variable (key_env, secret_env).
        IReadOnlyDictionary<string, string> environment = ResolvesAuthSecrets ? ReadEnvironment() : StructureOnlyEnvironment.Instance;
        GatewayAuthOptions? auth = null;
        var options = ConfigurationLoader.Load(
            cli,
            ReadEnvironment("VANGUARD_", "OTEL_"),
            parse.GetValue(Config),
            warnings,
            (sections, file, errors) => errors.Collect(() => auth = GatewayAuthOptionsReader.Read(sections.GetValueOrDefault("auth"), file, environment)));
        Auth = auth ?? new GatewayAuthOptions();
        return options;
    }

    /// <summary>The process environment (the variables starting with one of <paramref name="prefixes"/> (every variable when none is given)), read once here so nothing else reads it.</summary>
    internal static Dictionary<string, string> ReadEnvironment(params string[] prefixes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && (prefixes.Length == 0 || prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}

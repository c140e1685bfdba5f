using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;

namespace McpVanguard.Configuration;

/// <summary>The effective configuration: built once at start-up from every source, validated, then passed everywhere.</summary>
public sealed record VanguardOptions
{
    public required Profile Profile { get; init; }

    /// <summary>Id of the upstream server in audit records and state keys.</summary>
    public required string ServerId { get; init; }

    /// <summary>Allowed roots for path arguments; empty means no jail.</summary>
    public required IReadOnlyList<string> SafeZones { get; init; }

    /// <summary>A directory of YAML rules that add to or override the built-in ones by id.</summary>
    public string? RulesDirectory { get; init; }

    public required string AuditLogPath { get; init; }

    /// <summary>Audit plain allows too (off by default: it costs a write per message).</summary>
    public required bool AuditAllows { get; init; }

    /// <summary>The tool pin file (<c>pins.file</c>); default <c>pins.json</c> in the user's state directory.</summary>
    public string PinsFilePath { get; init; } = ConfigurationLoader.DefaultStatePath("pins.json");

    /// <summary>An approved baseline of pins used instead of trust on first use for the servers it names (<c>pins.baseline</c>).</summary>
    public string? PinsBaselinePath { get; init; }

    /// <summary>The PEM public key the baseline must be signed with (<c>pins.baseline_key</c>); the baseline is then refused unless its signature verifies.</summary>
    public string? PinsBaselineKeyPath { get; init; }

    public required long AuditMaxBytes { get; init; }

    public required int AuditMaxFiles { get; init; }

    /// <summary>The PEM EC P-256 key that signs audit checkpoints (<c>audit.signing_key</c>); default <c>audit-signing-key.pem</c> in the state directory, created on first use.</summary>
    public string AuditSigningKeyPath { get; init; } = ConfigurationLoader.DefaultStatePath("audit-signing-key.pem");

    /// <summary>Whether <see cref="AuditSigningKeyPath"/> was configured (a bad configured key refuses start-up; a default one is created).</summary>
    public bool AuditSigningKeyConfigured { get; init; }

    /// <summary>A checkpoint is signed after this many records (<c>audit.checkpoint_records</c>).</summary>
    public int AuditCheckpointRecords { get; init; } = 1000;

    /// <summary>…or after this long with records pending (<c>audit.checkpoint_interval_s</c>), and at shutdown.</summary>
    public TimeSpan AuditCheckpointInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A JSON-lines file that receives block receipts and checkpoints (<c>audit.receipts</c>); none when null.</summary>
    public string? AuditReceiptsPath { get; init; }

    /// <summary>Refuse a rules directory without a valid signature (<c>rules.require_signature</c>; on under strict).</summary>
    public bool RulesRequireSignature { get; init; }

    /// <summary>The PEM public key rule packs must be signed with (<c>rules.public_key</c>).</summary>
    public string? RulesPublicKeyPath { get; init; }

    /// <summary>Server manifests (<c>trust.*</c>) and who must have signed keyless rule packs and pin baselines.</summary>
    public TrustSettings Trust { get; init; } = new();

    public required PreflightLimits Limits { get; init; }

    public required int MaxPendingRequests { get; init; }

    public required TimeSpan PendingTimeout { get; init; }

    /// <summary>Time one inspector may take before the message fails closed.</summary>
    public required TimeSpan InspectorBudget { get; init; }

    public required TimeSpan ShutdownGrace { get; init; }

    /// <summary>Settings of <c>vanguard serve</c>.</summary>
    public required GatewaySettings Gateway { get; init; }

    /// <summary>Settings of L2, the semantic stage (<c>semantic.*</c>).</summary>
    public required SemanticSettings Semantic { get; init; }

    /// <summary>Settings of metrics, traces and the Prometheus endpoint (<c>telemetry.*</c>); all off by default.</summary>
    public TelemetrySettings Telemetry { get; init; } = new();

    /// <summary>Where shared state lives (<c>state.*</c>): in memory unless <c>state.redis</c> is set (<c>vanguard serve</c> only).</summary>
    public McpVanguard.State.StateSettings State { get; init; } = new();

    /// <summary>Where each value came from (<c>default</c>, <c>profile:strict</c>, a file path, <c>env:VANGUARD_…</c>, <c>command line</c>).</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>The config file the options were read from, if any (for error messages of the sections).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Which config file was read and the rule that chose it (the start-up line prints it).</summary>
    public ConfigFileLocation ConfigLocation { get; init; } = new(null, ConfigFileLocation.NotFound);

    /// <summary>The <c>servers:</c> section, bound and validated at load (empty when absent).</summary>
    public IReadOnlyList<ServerEntry> Servers { get; init; } = [];

    /// <summary>The <c>access:</c> section, bound and validated at load; null when absent (every tool allowed).</summary>
    public McpVanguard.Inspection.Access.AccessPolicy? Access { get; init; }

    /// <summary>The <c>behaviour:</c> section (L3 thresholds and windows), bound and validated at load; defaults when absent.</summary>
    public McpVanguard.Inspection.Behaviour.BehaviourSettings Behaviour { get; init; } = new();

    /// <summary>The structured sections of the config file (<see cref="ConfigurationKeys.Sections"/>) as read, with their marks; <c>auth:</c> is bound from here.</summary>
    public IReadOnlyDictionary<string, YamlDotNet.RepresentationModel.YamlNode> Sections { get; init; } = new Dictionary<string, YamlDotNet.RepresentationModel.YamlNode>();
}

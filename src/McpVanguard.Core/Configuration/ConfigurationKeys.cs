namespace McpVanguard.Configuration;

/// <summary>Every configuration key, its type and built-in default. Keys are dotted paths of <c>vanguard.yaml</c>.</summary>
public static class ConfigurationKeys
{
    public const string Profile = "profile";
    public const string ServerId = "server_id";
    public const string SafeZones = "safe_zones";
    public const string RulesDir = "rules_dir";
    public const string AuditLog = "audit.log";
    public const string AuditAllows = "audit.allows";
    public const string AuditMaxBytes = "audit.max_bytes";
    public const string AuditMaxFiles = "audit.max_files";
    public const string AuditSigningKey = "audit.signing_key";
    public const string AuditCheckpointRecords = "audit.checkpoint_records";
    public const string AuditCheckpointIntervalSeconds = "audit.checkpoint_interval_s";
    public const string AuditReceipts = "audit.receipts";
    public const string RulesRequireSignature = "rules.require_signature";
    public const string RulesPublicKey = "rules.public_key";
    public const string RulesIdentity = "rules.identity";
    public const string RulesIssuer = "rules.issuer";
    public const string TrustRequireManifests = "trust.require_manifests";
    public const string TrustManifest = "trust.manifest";
    public const string TrustManifestKey = "trust.manifest_key";
    public const string TrustManifestIdentity = "trust.manifest_identity";
    public const string TrustManifestIssuer = "trust.manifest_issuer";
    public const string MaxMessageBytes = "limits.max_message_bytes";
    public const string MaxDepth = "limits.max_depth";
    public const string MaxStrings = "limits.max_strings";
    public const string MaxPending = "limits.max_pending";
    public const string PendingTimeoutSeconds = "limits.pending_timeout_s";
    public const string InspectorBudgetMs = "limits.inspector_budget_ms";
    public const string ShutdownGraceMs = "limits.shutdown_grace_ms";
    public const string GatewayHost = "gateway.host";
    public const string GatewayPort = "gateway.port";
    public const string GatewayAllowedOrigins = "gateway.allowed_origins";
    public const string GatewayAllowedHosts = "gateway.allowed_hosts";
    public const string GatewayMaxSessions = "gateway.max_sessions";
    public const string GatewaySessionIdleTimeoutSeconds = "gateway.session_idle_timeout_s";
    public const string GatewayMaxConcurrentRequests = "gateway.max_concurrent_requests";
    public const string GatewayMaxBodyBytes = "gateway.max_body_bytes";
    public const string GatewayUpstreamTimeoutSeconds = "gateway.upstream_timeout_s";
    public const string GatewayWarmPool = "gateway.warm_pool";
    public const string GatewaySessionRoute = "gateway.session_route";
    public const string PinsFile = "pins.file";
    public const string PinsBaseline = "pins.baseline";
    public const string PinsBaselineKey = "pins.baseline_key";
    public const string PinsBaselineIdentity = "pins.baseline_identity";
    public const string PinsBaselineIssuer = "pins.baseline_issuer";
    public const string SemanticEnabled = "semantic.enabled";
    public const string SemanticProvider = "semantic.provider";
    public const string SemanticScope = "semantic.scope";
    public const string SemanticThreshold = "semantic.threshold";
    public const string SemanticTimeoutMs = "semantic.timeout_ms";
    public const string SemanticLoadTimeoutMs = "semantic.load_timeout_ms";
    public const string SemanticCacheSize = "semantic.cache_size";
    public const string SemanticCacheTtlSeconds = "semantic.cache_ttl_s";
    public const string SemanticMaxChars = "semantic.max_chars";
    public const string SemanticAlways = "semantic.always";
    public const string SemanticModel = "semantic.model";
    public const string SemanticCustomUrl = "semantic.custom_url";
    public const string SemanticCustomKey = "semantic.custom_key";
    public const string SemanticCustomModel = "semantic.custom_model";
    public const string SemanticOpenAiKey = "semantic.openai_key";
    public const string SemanticOllamaUrl = "semantic.ollama_url";
    public const string TelemetryOtlpEndpoint = "telemetry.otlp_endpoint";
    public const string TelemetryOtlpTracesEndpoint = "telemetry.otlp_traces_endpoint";
    public const string TelemetryOtlpMetricsEndpoint = "telemetry.otlp_metrics_endpoint";
    public const string TelemetryOtlpProtocol = "telemetry.otlp_protocol";
    public const string TelemetryOtlpHeaders = "telemetry.otlp_headers";
    public const string TelemetryServiceName = "telemetry.service_name";
    public const string TelemetryMetrics = "telemetry.metrics";
    public const string TelemetryTraces = "telemetry.traces";
    public const string TelemetryTraceSampling = "telemetry.trace_sampling";
    public const string TelemetryMetricsIntervalMs = "telemetry.metrics_interval_ms";
    public const string TelemetryPrometheus = "telemetry.prometheus";
    public const string TelemetryMetricsHost = "telemetry.metrics_host";
    public const string TelemetryMetricsPort = "telemetry.metrics_port";
    public const string StateRedis = "state.redis";
    public const string StateKeyPrefix = "state.key_prefix";
    public const string StateTimeoutMs = "state.timeout_ms";
    public const string StatePassword = "state.password";

    /// <summary>
    /// Environment names kept from the original project for the provider settings: each sets the key it names, as its
    /// <c>VANGUARD_SEMANTIC_*</c> spelling does (<see cref="EnvironmentName"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EnvironmentAliases = new Dictionary<string, string>
    {
        ["VANGUARD_OPENAI_API_KEY"] = SemanticOpenAiKey,
        ["VANGUARD_OLLAMA_URL"] = SemanticOllamaUrl,
    };

    /// <summary>Keys whose value is a secret: <c>config show</c> prints only its length.</summary>
    public static readonly HashSet<string> Secrets = [SemanticCustomKey, SemanticOpenAiKey, TelemetryOtlpHeaders, StatePassword];

    /// <summary>
    /// Top-level sections of <c>vanguard.yaml</c> that hold structured data (lists of objects) rather than scalar keys;
    /// the core keeps their YAML as read and the feature that owns each one validates it at start-up.
    /// </summary>
    public static readonly HashSet<string> Sections = ["servers", "auth", "access", "behaviour"];

    /// <summary>Keys holding a list; all others hold one scalar.</summary>
    public static readonly HashSet<string> Lists = [SafeZones, GatewayAllowedOrigins, GatewayAllowedHosts, SemanticAlways];

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [Profile] = "balanced",
        [ServerId] = "default",
        [AuditAllows] = "false",
        [AuditMaxBytes] = (10L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        [AuditMaxFiles] = "5",
        [AuditCheckpointRecords] = "1000",
        [AuditCheckpointIntervalSeconds] = "60",
        [RulesRequireSignature] = "false",
        [TrustRequireManifests] = "false",
        [MaxMessageBytes] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        [MaxDepth] = "64",
        [MaxStrings] = "10000",
        [MaxPending] = "4096",
        [PendingTimeoutSeconds] = "600",
        [InspectorBudgetMs] = "250",
        [ShutdownGraceMs] = "3000",
        [GatewayHost] = "127.0.0.1",
        [GatewayPort] = "8080",
        [GatewayMaxSessions] = "100",
        [GatewaySessionIdleTimeoutSeconds] = "600",
        [GatewayMaxConcurrentRequests] = "16",
        [GatewayUpstreamTimeoutSeconds] = "300",
        [GatewayWarmPool] = "0",
        [SemanticEnabled] = "true",
        [SemanticProvider] = "auto",
        [SemanticScope] = "uncertain",
        [SemanticThreshold] = "auto",
        [SemanticTimeoutMs] = "3000",
        [SemanticLoadTimeoutMs] = "30000",
        [SemanticCacheSize] = "4096",
        [SemanticCacheTtlSeconds] = "3600",
        [SemanticMaxChars] = "4000",
        [TelemetryOtlpProtocol] = "http/protobuf",
        [TelemetryServiceName] = "mcp-vanguard",
        [TelemetryMetrics] = "true",
        [TelemetryTraces] = "true",
        [TelemetryTraceSampling] = "1",
        [TelemetryMetricsIntervalMs] = "60000",
        [TelemetryPrometheus] = "false",
        [TelemetryMetricsHost] = "127.0.0.1",
        [StateKeyPrefix] = "vanguard",
        [StateTimeoutMs] = "250",
    };

    /// <summary>What each profile changes relative to the defaults.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ProfileDefaults = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["monitor"] = new Dictionary<string, string> { [AuditAllows] = "true" },
        ["balanced"] = new Dictionary<string, string>(),
        ["strict"] = new Dictionary<string, string>
        {
            [MaxMessageBytes] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [MaxDepth] = "32",
            [InspectorBudgetMs] = "100",
            [RulesRequireSignature] = "true",
            [TrustRequireManifests] = "true",
        },
    };

    public static readonly IReadOnlyList<string> All =
    [
        Profile, ServerId, SafeZones, RulesDir, AuditLog, AuditAllows, AuditMaxBytes, AuditMaxFiles,
        AuditSigningKey, AuditCheckpointRecords, AuditCheckpointIntervalSeconds, AuditReceipts,
        RulesRequireSignature, RulesPublicKey, RulesIdentity, RulesIssuer,
        TrustRequireManifests, TrustManifest, TrustManifestKey, TrustManifestIdentity, TrustManifestIssuer,
        MaxMessageBytes, MaxDepth, MaxStrings, MaxPending, PendingTimeoutSeconds, InspectorBudgetMs, ShutdownGraceMs,
        GatewayHost, GatewayPort, GatewayAllowedOrigins, GatewayAllowedHosts, GatewayMaxSessions, GatewaySessionIdleTimeoutSeconds,
        GatewayMaxConcurrentRequests, GatewayMaxBodyBytes, GatewayUpstreamTimeoutSeconds, GatewayWarmPool, GatewaySessionRoute,
        PinsFile, PinsBaseline, PinsBaselineKey, PinsBaselineIdentity, PinsBaselineIssuer,
        SemanticEnabled, SemanticProvider, SemanticScope, SemanticThreshold, SemanticTimeoutMs, SemanticLoadTimeoutMs, SemanticCacheSize,
        SemanticCacheTtlSeconds, SemanticMaxChars, SemanticAlways, SemanticModel, SemanticCustomUrl, SemanticCustomKey,
        SemanticCustomModel, SemanticOpenAiKey, SemanticOllamaUrl,
        TelemetryOtlpEndpoint, TelemetryOtlpTracesEndpoint, TelemetryOtlpMetricsEndpoint, TelemetryOtlpProtocol, TelemetryOtlpHeaders, TelemetryServiceName, TelemetryMetrics, TelemetryTraces,
        TelemetryTraceSampling, TelemetryMetricsIntervalMs, TelemetryPrometheus, TelemetryMetricsHost, TelemetryMetricsPort,
        StateRedis, StateKeyPrefix, StateTimeoutMs, StatePassword,
    ];

    /// <summary><c>limits.max_depth</c> → <c>VANGUARD_LIMITS_MAX_DEPTH</c>.</summary>
    public static string EnvironmentName(string key) => "VANGUARD_" + key.Replace('.', '_').ToUpperInvariant();
}

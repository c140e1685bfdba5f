using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Integrity;

namespace McpVanguard.Cli.Commands;

/// <summary>Loads configuration and rules for a command, reporting errors as one clear line and exit code 2.</summary>
internal static class EngineFactory
{
    public const int ConfigurationError = 2;

    /// <summary>
    /// The engine of a command that runs no upstream (<c>replay</c>, <c>check</c>): the same composition as <c>start</c>
    /// (<see cref="TryCreateEngine"/>), with <paramref name="pins"/> in place of the pin file. Returns null (after
    /// printing why) when configuration or rules are invalid.
    /// </summary>
    /// <param name="pins">An in-memory store (<see cref="PinStore.InMemory"/>): these commands never read or change the user's pins.</param>
    /// <param name="clock">The clock of L3's windows (replay's stepped clock); the system clock when null.</param>
    public static (VanguardOptions Options, IReadOnlyList<Rule> Rules, InspectionEngine Engine)? TryCreate(CommonOptions common, System.CommandLine.ParseResult parse, PinStore pins, TimeProvider? clock = null)
        => TryLoadOptions(common, parse) is { } options && TryCreateEngine(options, pins, clock) is var (rules, engine)
            ? (options, rules, engine)
            : null;

    /// <summary>The effective configuration, or null after printing why it is invalid.</summary>
    /// <param name="overrides">Command-specific options (by configuration key) that take command-line precedence.</param>
    public static VanguardOptions? TryLoadOptions(CommonOptions common, System.CommandLine.ParseResult parse, IReadOnlyDictionary<string, object>? overrides = null)
    {
        var warnings = new List<string>();
        try
        {
            var options = common.Load(parse, warnings, overrides);
            foreach (var w in warnings)
            {
                Console.Error.WriteLine($"[vanguard] warning: {w}");
            }

            return options;
        }
        catch (ConfigurationException ex)
        {
            Report(ex);
            return null;
        }
    }

    /// <summary>Prints every configuration error, one line each, so all can be fixed in one pass.</summary>
    public static void Report(ConfigurationException ex)
    {
        foreach (var error in ex.Errors)
        {
            Console.Error.WriteLine($"[vanguard] configuration error: {error}");
        }
    }

    /// <summary>
    /// Loads the rules and builds the engine, or returns null after printing why the rules are invalid: the one
    /// composition of every command that inspects (<c>start</c>, <c>serve</c>, <c>scan</c>, <c>replay</c>, <c>check</c>).
    /// </summary>
    /// <param name="pins">The tool pin store the server→agent pipeline compares <c>tools/list</c> results with (rug pulls).</param>
    /// <param name="clock">The clock of L3's windows (replay's stepped clock); the system clock when null.</param>
    /// <param name="behaviourState">Where L3 keeps its windows (the gateway's shared state); in memory, per process, when null.</param>
    public static (IReadOnlyList<Rule> Rules, InspectionEngine Engine)? TryCreateEngine(VanguardOptions options, PinStore pins, TimeProvider? clock = null, Inspection.Behaviour.IBehaviourState? behaviourState = null)
    {
        try
        {
            // The analysers' tables (the injection lexicon above all) build on another core while the rules load.
            InspectionEngine.BeginBuildingTables();
            var rules = McpVanguard.Core.Trust.RulePackLoader.Load(options, SigstoreVerifier);
            return (rules, Compose(options, rules, pins, clock, behaviourState));
        }
        catch (RuleLoadException ex)
        {
            Console.Error.WriteLine($"[vanguard] rules error: {ex.Message}");
            return null;
        }
        catch (ConfigurationException ex)
        {
            Console.Error.WriteLine($"[vanguard] configuration error: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// The engine of <paramref name="options"/> over loaded <paramref name="rules"/>: the access policy, the pins, then L2
    /// (semantic:) and L3 (behaviour:) in both directions, L3 after L2 so that it sees L2's findings. The gateway's tests
    /// compose their engine here too, so that they run what <c>serve</c> runs.
    /// </summary>
    internal static InspectionEngine Compose(VanguardOptions options, IReadOnlyList<Rule> rules, PinStore? pins, TimeProvider? clock = null, Inspection.Behaviour.IBehaviourState? behaviourState = null)
    {
        // The gateway's access rules (access:); local stdio sessions have no caller, so they are never restricted by them.
        // L3's state is in memory, per process, unless the gateway passes its shared state (state.redis).
        var behaviour = behaviourState is null
            ? Inspection.Behaviour.BehaviourStage.Stages(options.Behaviour, clock ?? TimeProvider.System)
            : Inspection.Behaviour.BehaviourStage.Stages(options.Behaviour, behaviourState);
        var stages = SemanticStages(options.Semantic).Then(behaviour);
        return InspectionEngine.Create(options, rules, options.Access, pins, stages);
    }

    /// <summary>
    /// The Sigstore bundle verifier (<c>vanguard trust verify</c>'s library, offline against the embedded trusted root) that
    /// checks keyless signatures of rule packs and pin baselines; key-based ones are checked against their pinned key.
    /// </summary>
    internal static McpVanguard.Core.Trust.ISigstoreBundleVerifier SigstoreVerifier { get; } = new DeferredSigstoreVerifier();

    /// <summary>
    /// The embedded L2 model's scorer, or null when the model is not installed: the seam where the embedded scorer
    /// (issue 13, <c>EmbeddedSemanticScorer</c>) plugs in. Called only when no remote provider is selected, so the model
    /// is never loaded for nothing; it should load its weights lazily, off the handshake path.
    /// </summary>
    internal static Func<ISemanticScorer?> EmbeddedSemanticScorer { get; private set; } = static () => null;

    /// <summary>Plugs in the embedded model (the <c>McpVanguard.Full</c> tool does, before parsing); asked once per process.</summary>
    internal static void UseEmbeddedScorer(Func<ISemanticScorer?> scorer)
    {
        var once = new Lazy<ISemanticScorer?>(scorer, LazyThreadSafetyMode.ExecutionAndPublication);
        EmbeddedSemanticScorer = () => once.Value;
    }

    /// <summary>
    /// The L2 stage of <paramref name="settings"/> (the same instance in both directions: one cache, one breaker), or none.
    /// The provider assembly is touched only when a remote provider is selected, so <c>start</c> with L2 off never loads it.
    /// </summary>
    /// <exception cref="ConfigurationException"><c>semantic.provider: embedded</c> without the embedded model installed.</exception>
    internal static InspectionStages SemanticStages(SemanticSettings settings, Func<ISemanticScorer?>? embedded = null)
    {
        ISemanticScorer? scorer = settings.SelectedProvider switch
        {
            null => null,
            "embedded" => (embedded ?? EmbeddedSemanticScorer)() ?? (settings.Provider == "embedded"
                ? throw new ConfigurationException($"{settings.ProviderSource}: semantic provider 'embedded' is selected but the embedded model is not installed (docs/SEMANTIC.md).")
                : null),
            _ => RemoteScorer(settings),
        };
        return scorer is null ? InspectionStages.None : new SemanticStage(scorer, settings).BothDirections();
    }

    /// <summary>Kept apart so that the JIT loads the provider assembly only when this runs.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ISemanticScorer RemoteScorer(SemanticSettings settings) => McpVanguard.Semantic.SemanticScorerFactory.CreateRemote(settings);

    /// <summary>The pin store of <paramref name="options"/> with its baseline loaded, or null after printing why the baseline is unusable.</summary>
    /// <param name="readOnly">Compare without writing (<c>scan</c>).</param>
    /// <param name="manifestBaseline">The baselines of the servers' verified manifests (<see cref="LaunchGate"/>), merged over <c>pins.baseline</c>.</param>
    public static PinStore? TryCreatePinStore(VanguardOptions options, bool readOnly = false, PinFile? manifestBaseline = null)
    {
        try
        {
            // A baseline is verified when a key or a keyless signer is configured for it (pins.baseline_key, pins.baseline_identity/_issuer).
            var signer = options.Trust.PinsBaselineSigner;
            var baseline = options.PinsBaselinePath is not { } path ? null
                : options.PinsBaselineKeyPath is not null || signer is not null
                    ? McpVanguard.Core.Trust.SignedPinBaseline.Read(path, signer?.ToPolicy(ReadKey(options.PinsBaselineKeyPath)) ?? new McpVanguard.Core.Trust.SigstorePolicy { PublicKeyPem = ReadKey(options.PinsBaselineKeyPath) }, new McpVanguard.Core.Trust.ArtifactSignatureVerifier(SigstoreVerifier))
                : PinStore.ReadFile(path);
            baseline = LaunchGate.Merge(baseline, [manifestBaseline]);
            return new PinStore(options.PinsFilePath, baseline, log: Console.Error, readOnly: readOnly);
        }
        catch (PinStoreException ex)
        {
            Console.Error.WriteLine($"[vanguard] pins baseline error: {ex.Message}");
            return null;
        }
    }

    private static string? ReadKey(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PinStoreException($"{ConfigurationKeys.PinsBaselineKey} '{path}' cannot be read ({ex.Message}).", ex);
        }
    }

    /// <summary>The audit sink of <c>start</c> and <c>serve</c>: the hash-chained log, sealed by <paramref name="integrity"/> (<see cref="TryCreateAuditIntegrity"/>).</summary>
    public static IAuditSink CreateAuditSink(VanguardOptions options, McpVanguard.Audit.Integrity.AuditIntegrity? integrity = null)
        => new AuditSink(options.AuditLogPath, options.AuditMaxBytes, options.AuditMaxFiles, Console.Error, integrity: integrity);

    /// <summary>
    /// The checkpoint key (created on first use at the default path), cadence and receipts of <paramref name="options"/>,
    /// or null after printing why a configured <c>audit.signing_key</c> is unusable: a key the user named must work.
    /// </summary>
    public static McpVanguard.Audit.Integrity.AuditIntegrity? TryCreateAuditIntegrity(VanguardOptions options)
    {
        McpVanguard.Audit.Integrity.AuditSigningKey? key = null;
        var path = options.AuditSigningKeyPath;
        try
        {
            key = options.AuditSigningKeyConfigured ? McpVanguard.Audit.Integrity.AuditSigningKey.Load(path) : McpVanguard.Audit.Integrity.AuditSigningKey.LoadOrCreate(path, out _);
            if (McpVanguard.Audit.Integrity.AuditSigningKey.IsExposed(path))
            {
                Console.Error.WriteLine($"[vanguard] warning: audit signing key '{path}' is readable by other users; anyone who can read it can forge checkpoints (chmod 600 it).");
            }
        }
        catch (McpVanguard.Audit.Integrity.AuditKeyException ex)
        {
            if (options.AuditSigningKeyConfigured)
            {
                Console.Error.WriteLine($"[vanguard] configuration error: {options.Sources.GetValueOrDefault(ConfigurationKeys.AuditSigningKey, "config")}: {ex.Message}");
                return null;
            }

            Console.Error.WriteLine($"[vanguard] warning: {ex.Message}; audit records are hash-chained but checkpoints are not signed.");
        }

        var receipts = options.AuditReceiptsPath is { } receiptsPath ? new McpVanguard.Audit.Integrity.JsonlReceiptSink(receiptsPath) : null;
        return new McpVanguard.Audit.Integrity.AuditIntegrity(key, options.AuditCheckpointRecords, options.AuditCheckpointInterval, receipts);
    }
}

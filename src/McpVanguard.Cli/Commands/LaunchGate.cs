using McpVanguard.Audit.Integrity;
using McpVanguard.Configuration;
using McpVanguard.Core.Trust;
using McpVanguard.Core.Trust.Manifests;
using McpVanguard.Integrity;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// The one check <c>start</c> and <c>serve</c> make before spawning a stdio server: its manifest and the npm package it
/// would run (<see cref="ServerLaunchVerifier"/>), judged by the profile (<see cref="LaunchDecision"/>). The verified
/// manifests' baselines become the servers' pins baseline.
/// </summary>
internal static class LaunchGate
{
    /// <summary>Checks one server and prints the decision's line; the caller writes <see cref="LaunchDecision.Record"/> to the audit log.</summary>
    public static (LaunchDecision Decision, PinFile? Baseline) Check(VanguardOptions options, string serverId, IReadOnlyList<string> argv, ManifestSettings settings)
    {
        if (settings.Path is null && !options.Trust.RequireManifests)
        {
            // Nothing configured, nothing required: a start without manifests reads no file and no environment for them.
            return (new LaunchDecision(true, null, null), null);
        }

        var result = CreateVerifier().Verify(serverId, argv, settings, options.Trust.RequireManifests ? options.Trust.RequireManifestsSource : null);
        var decision = LaunchDecision.For(result, options.Profile, serverId);
        if (decision.Message is { } message)
        {
            Console.Error.WriteLine(message);
        }

        return (decision, result.Manifest?.Baseline);
    }

    /// <summary>The verifier of launches as this process would check them (its Sigstore verifier, its npm folders).</summary>
    public static ServerLaunchVerifier CreateVerifier() =>
        new(new ArtifactSignatureVerifier(EngineFactory.SigstoreVerifier), EngineFactory.SigstoreVerifier, CurrentNpmEnvironment);

    /// <summary>
    /// The manifest settings of a <c>servers:</c> entry (or of the command line's server, <paramref name="entry"/> null):
    /// an entry without its own key or signer uses <c>trust.manifest_key</c> and <c>trust.manifest_identity</c>/<c>_issuer</c>.
    /// </summary>
    public static ManifestSettings SettingsFor(VanguardOptions options, ServerEntry? entry)
    {
        var global = options.Trust.Manifest;
        if (entry is null)
        {
            return global;
        }

        return entry.Manifest is { } own
            ? own with { KeyPath = own.KeyPath ?? global.KeyPath, Signer = own.Signer ?? global.Signer }
            : ManifestSettings.None;
    }

    /// <summary>Writes the record of a refused launch (the server never started, so no proxy's audit sink exists).</summary>
    public static async Task AuditRefusalAsync(VanguardOptions options, AuditIntegrity integrity, IEnumerable<LaunchDecision> decisions)
    {
        await using var audit = EngineFactory.CreateAuditSink(options, integrity);
        foreach (var record in decisions.Select(d => d.Record).OfType<McpVanguard.Audit.AuditRecord>())
        {
            audit.Write(record);
        }
    }

    /// <summary>One pins baseline of the configured one and the manifests' (a manifest's entry wins for the server it pins).</summary>
    public static PinFile? Merge(PinFile? configured, IEnumerable<PinFile?> manifests)
    {
        var merged = configured;
        foreach (var baseline in manifests)
        {
            if (baseline is null)
            {
                continue;
            }

            var servers = new Dictionary<string, PinnedServer>(merged?.Servers ?? [], StringComparer.Ordinal);
            foreach (var (key, server) in baseline.Servers)
            {
                servers[key] = server;
            }

            merged = new PinFile { Servers = servers };
        }

        return merged;
    }

    /// <summary>npm's folders as this process sees them (the configuration layer's one read of npm's environment).</summary>
    public static NpmEnvironment CurrentNpmEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value && (name.ToUpperInvariant() is "HOME" or "USERPROFILE" or "LOCALAPPDATA" or "PATH" || name.StartsWith("npm_config_", StringComparison.OrdinalIgnoreCase)))
            {
                variables[name] = value;
            }
        }

        return NpmEnvironment.FromEnvironment(variables, Environment.CurrentDirectory);
    }
}

using McpVanguard.Configuration;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// The check before a stdio server is spawned: its manifest's signature, that the manifest describes this launch, that
/// the npm package the launch will run is installed and is the one the manifest pins (name, version, the lockfile's
/// integrity, the files on disk), and the package's provenance when the manifest requires it. Reads the disk only;
/// never runs npm and never touches the network. Never throws: every problem is a <see cref="LaunchOutcome.Failed"/>.
/// </summary>
public sealed class ServerLaunchVerifier
{
    private readonly ArtifactSignatureVerifier _signatures;
    private readonly ISigstoreBundleVerifier? _sigstore;
    private readonly Lazy<NpmEnvironment> _npm;

    public ServerLaunchVerifier(ArtifactSignatureVerifier signatures, ISigstoreBundleVerifier? sigstore, NpmEnvironment npm)
        : this(signatures, sigstore, () => npm)
    {
    }

    /// <param name="npm">Read only when a manifest is checked: a start without one pays nothing for npm's folders.</param>
    public ServerLaunchVerifier(ArtifactSignatureVerifier signatures, ISigstoreBundleVerifier? sigstore, Func<NpmEnvironment> npm)
    {
        _signatures = signatures;
        _sigstore = sigstore;
        _npm = new Lazy<NpmEnvironment>(npm, LazyThreadSafetyMode.None);
    }

    /// <param name="serverId">The server, for messages.</param>
    /// <param name="launch">The command line as configured.</param>
    /// <param name="settings">The server's manifest and how to check its signature.</param>
    /// <param name="requiredBy">Where <c>trust.require_manifests</c> was turned on, or null when a manifest is not required.</param>
    public LaunchVerification Verify(string serverId, IReadOnlyList<string> launch, ManifestSettings settings, string? requiredBy)
    {
        try
        {
            return settings.Path is null ? WithoutManifest(serverId, launch, requiredBy) : WithManifest(serverId, launch, settings);
        }
        catch (ManifestException ex)
        {
            return LaunchVerification.Failed(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return LaunchVerification.Failed($"server '{serverId}': {ex.Message}");
        }
    }

    private static LaunchVerification WithoutManifest(string serverId, IReadOnlyList<string> launch, string? requiredBy)
    {
        if (requiredBy is null)
        {
            return new LaunchVerification(LaunchOutcome.NotChecked, "no manifest configured");
        }

        bool npmLaunch;
        try
        {
            npmLaunch = NpmLaunch.Parse(launch) is not null;
        }
        catch (FormatException)
        {
            npmLaunch = true;
        }

        // Manifests describe npm packages so far: a server launched otherwise (python, a binary) has nothing to pin yet.
        return npmLaunch
            ? LaunchVerification.Failed($"server '{serverId}' runs an npm package and has no manifest ({ConfigurationKeys.TrustRequireManifests} is on, from {requiredBy}); create one with `vanguard manifest create` and sign it.")
            : new LaunchVerification(LaunchOutcome.NotChecked, "not an npm launch; no manifest required");
    }

    private LaunchVerification WithManifest(string serverId, IReadOnlyList<string> launch, ManifestSettings settings)
    {
        if (settings.KeyPath is null && settings.Signer is null)
        {
            return LaunchVerification.Failed($"server '{serverId}': manifest '{settings.Path}' ({settings.Source}) has nothing to check its signature with: set a manifest key or a manifest identity and issuer.");
        }

        var policy = settings.Signer?.ToPolicy(ReadKey(settings.KeyPath)) ?? new SigstorePolicy { PublicKeyPem = ReadKey(settings.KeyPath) };
        var (manifest, signature) = ServerManifestDocument.ReadVerified(settings.Path!, policy, _signatures);
        if (!manifest.Launch.SequenceEqual(launch, StringComparer.Ordinal))
        {
            return LaunchVerification.Failed($"server '{serverId}': manifest '{settings.Path}' describes the launch `{Join(manifest.Launch)}`, and the server is configured as `{Join(launch)}`.");
        }

        NpmLaunch? npmLaunch;
        try
        {
            npmLaunch = NpmLaunch.Parse(launch);
        }
        catch (FormatException ex)
        {
            return LaunchVerification.Failed($"server '{serverId}': {ex.Message}");
        }

        var signer = signature.SignerIdentity ?? "?";
        var signed = $"signed by {(signer.StartsWith("key:", StringComparison.Ordinal) && signer.Length > 20 ? signer[..20] : signer)}";
        if (npmLaunch is null || manifest.Package is null)
        {
            return npmLaunch is null == manifest.Package is null
                ? new LaunchVerification(LaunchOutcome.Verified, $"manifest verified ({signed}); the launch runs no npm package", manifest)
                : LaunchVerification.Failed(npmLaunch is null
                    ? $"server '{serverId}': manifest '{settings.Path}' pins the npm package {manifest.Package!.Name}, and the launch runs no npm package vanguard can find."
                    : $"server '{serverId}': the launch runs an npm package and manifest '{settings.Path}' pins none.");
        }

        var expected = manifest.Package;
        if (NpmPackageLocator.Locate(npmLaunch, _npm.Value) is not { } installed)
        {
            var where = npmLaunch.Launcher == "pnpm dlx" ? "pnpm dlx installs afresh on every run, so nothing installed can be checked; launch it by its node_modules path" : "install it first (vanguard never downloads it)";
            return LaunchVerification.Failed($"server '{serverId}': {expected.Name}@{expected.Version} is not installed where {npmLaunch.Launcher} would find it; {where}.");
        }

        var problem = installed.Name != expected.Name ? $"{installed.Where} holds {installed.Name}, not {expected.Name}"
            : installed.Version != expected.Version ? $"{installed.Where} holds {installed.Name}@{installed.Version}, the manifest pins {expected.Version}"
            : installed.Integrity is null ? $"no lockfile beside {installed.Directory} records the integrity of {installed.Name}@{installed.Version}"
            : installed.Integrity != expected.Integrity ? $"the integrity of {installed.Name}@{installed.Version} in {installed.Where} is {Short(installed.Integrity)}, the manifest pins {Short(expected.Integrity)} (another tarball)"
            : NpmPackageFiles.Digest(installed.Directory) is var files && files != expected.Files ? $"the files of {installed.Name}@{installed.Version} in {installed.Directory} differ from the manifest's (changed after installation: digest {Short(files)}, expected {Short(expected.Files)})"
            : null;
        if (problem is not null)
        {
            return LaunchVerification.Failed($"server '{serverId}': {problem}.");
        }

        if (manifest.Provenance is { } provenance && VerifyProvenance(settings.Path!, expected, provenance) is { } provenanceProblem)
        {
            return LaunchVerification.Failed($"server '{serverId}': the provenance of {expected.Name}@{expected.Version} does not verify: {provenanceProblem}");
        }

        var built = manifest.Provenance is null ? string.Empty : ", provenance verified";
        return new LaunchVerification(LaunchOutcome.Verified, $"{expected.Name}@{expected.Version} verified against manifest '{settings.Path}' ({signed}{built})", manifest);
    }

    /// <summary>Why the package's provenance bundle does not verify for its integrity and the manifest's builder identity, or null when it does.</summary>
    private string? VerifyProvenance(string manifestPath, ManifestPackage package, ManifestProvenance provenance)
    {
        if (_sigstore is null)
        {
            return "this build has no Sigstore verifier.";
        }

        var bundlePath = Path.IsPathRooted(provenance.Bundle) ? provenance.Bundle : Path.Join(Path.GetDirectoryName(Path.GetFullPath(manifestPath)), provenance.Bundle);
        string bundle;
        try
        {
            bundle = File.ReadAllText(bundlePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the bundle '{bundlePath}' cannot be read ({ex.Message}).";
        }

        byte[] sha512;
        try
        {
            sha512 = Convert.FromBase64String(package.Integrity["sha512-".Length..]);
        }
        catch (FormatException)
        {
            return "the manifest's integrity is not base64.";
        }

        var pattern = provenance.Identity.StartsWith("regex:", StringComparison.Ordinal) ? provenance.Identity["regex:".Length..] : null;
        var policy = new SigstorePolicy { Identity = pattern is null ? provenance.Identity : null, IdentityPattern = pattern, Issuer = provenance.Issuer, GitHub = provenance.GitHub };
        var result = _sigstore.Verify(SigstoreArtifact.FromSha512Digest(sha512), bundle, policy);
        return result.Verified ? null : result.Reason;
    }

    private static string? ReadKey(string? path)
    {
        try
        {
            return path is null ? null : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"the manifest key '{path}' cannot be read ({ex.Message}).", ex);
        }
    }

    private static string Join(IReadOnlyList<string> argv) => McpVanguard.Transports.Stdio.CommandLineSplitter.Join(argv);

    private static string Short(string digest) => digest.Length > 23 ? digest[..23] + "…" : digest;
}

using System.Runtime.CompilerServices;
using McpVanguard.Core.Trust;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// The Sigstore verifier, created on the first keyless bundle: every start hands it to the rule-pack and baseline
/// loaders, but most never verify one, so the Trust assembly (and its native libsodium) stays off the start-up path.
/// </summary>
internal sealed class DeferredSigstoreVerifier : ISigstoreBundleVerifier
{
    private ISigstoreBundleVerifier? _verifier;

    public SigstoreVerification Verify(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy)
        => (_verifier ??= Create()).Verify(artifact, bundleJson, policy);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ISigstoreBundleVerifier Create() => new McpVanguard.Trust.SigstoreBundleVerifier();
}

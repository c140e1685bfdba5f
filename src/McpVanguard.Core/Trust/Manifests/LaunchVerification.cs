namespace McpVanguard.Core.Trust.Manifests;

/// <summary>What the check before a server's launch found.</summary>
public enum LaunchOutcome
{
    /// <summary>No manifest is configured and none is required: nothing was checked.</summary>
    NotChecked,

    /// <summary>The manifest's signature, launch, package and provenance all verified.</summary>
    Verified,

    /// <summary>Something did not verify (or a required manifest is missing); <see cref="LaunchVerification.Reason"/> says what.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="ServerLaunchVerifier.Verify"/> for one server, with the verified manifest (its baseline feeds the pins).</summary>
public sealed record LaunchVerification(LaunchOutcome Outcome, string Reason, ServerManifest? Manifest = null)
{
    public static LaunchVerification Failed(string reason) => new(LaunchOutcome.Failed, reason);
}

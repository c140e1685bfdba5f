using McpVanguard.Core.Trust;
using McpVanguard.Trust.Tests.Conformance;

namespace McpVanguard.Trust.Tests;

/// <summary>The identity policy on a genuine public-good bundle (happy-path-v0.3): each constraint can refuse it.</summary>
public sealed class SignerPolicyTests
{
    private static readonly ConformanceCase Happy = ConformanceCase.Load("happy-path-v0.3");

    private static SigstoreVerification Verify(SigstorePolicy policy) =>
        new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromBytes(File.ReadAllBytes(Happy.ArtifactPath)), File.ReadAllText(Happy.BundlePath), policy);

    private static SigstorePolicy Exact => new() { Identity = ConformanceCase.DefaultIdentity, Issuer = ConformanceCase.DefaultIssuer };

    [Fact]
    public void The_exact_identity_and_issuer_verify_and_are_reported()
    {
        var result = Verify(Exact);

        Assert.True(result.Verified, result.Reason);
        Assert.Equal(ConformanceCase.DefaultIdentity, result.SignerIdentity);
        Assert.Equal(ConformanceCase.DefaultIssuer, result.SignerIssuer);
        Assert.NotNull(result.SignedAt);
    }

    [Fact]
    public void Another_identity_or_issuer_is_refused()
    {
        Assert.False(Verify(Exact with { Identity = ConformanceCase.DefaultIdentity + "x" }).Verified);
        Assert.False(Verify(Exact with { Issuer = "https://accounts.google.com" }).Verified);
    }

    [Fact]
    public void A_pattern_must_match_the_whole_identity()
    {
        Assert.True(Verify(Exact with { Identity = null, IdentityPattern = @"https://github\.com/sigstore-conformance/[^/]+/\.github/workflows/.*" }).Verified);

        // A prefix alone is not the identity: patterns are anchored, so "…/sigstore-conformance" cannot admit "…/sigstore-conformance-evil".
        Assert.False(Verify(Exact with { Identity = null, IdentityPattern = @"https://github\.com/sigstore-conformance" }).Verified);
        Assert.False(Verify(Exact with { Identity = null, IdentityPattern = @"https://gitlab\.com/.*" }).Verified);
    }

    [Fact]
    public void A_certificate_signed_bundle_without_an_identity_or_issuer_is_refused()
    {
        Assert.False(Verify(new SigstorePolicy { Issuer = ConformanceCase.DefaultIssuer }).Verified);
        Assert.False(Verify(new SigstorePolicy { Identity = ConformanceCase.DefaultIdentity }).Verified);
    }

    [Fact]
    public void Every_GitHub_claim_is_read_from_the_certificate_and_enforced()
    {
        var all = new GitHubWorkflowClaims(
            Repository: "sigstore-conformance/extremely-dangerous-public-oidc-beacon",
            Ref: "refs/heads/main",
            Trigger: "workflow_dispatch",
            WorkflowName: "Extremely dangerous OIDC beacon",
            WorkflowPath: ".github/workflows/extremely-dangerous-oidc-beacon.yml");
        var result = Verify(Exact with { GitHub = all });
        Assert.True(result.Verified, result.Reason);

        Assert.False(Verify(Exact with { GitHub = all with { Repository = "sigstore-conformance/other" } }).Verified);
        Assert.False(Verify(Exact with { GitHub = all with { Ref = "refs/heads/dev" } }).Verified);
        Assert.False(Verify(Exact with { GitHub = all with { Sha = new string('0', 40) } }).Verified);
        Assert.False(Verify(Exact with { GitHub = all with { Trigger = "push" } }).Verified);
        Assert.False(Verify(Exact with { GitHub = all with { WorkflowName = "Release" } }).Verified);
        Assert.False(Verify(Exact with { GitHub = all with { WorkflowPath = ".github/workflows/release.yml" } }).Verified);
    }

    [Fact]
    public void A_backtracking_pattern_is_refused_with_a_reason()
    {
        Assert.NotNull(SigstoreBundleVerifier.ValidateIdentityPattern(@"(a+)+\1"));
        Assert.Null(SigstoreBundleVerifier.ValidateIdentityPattern(@"https://github\.com/o/r/.*"));
    }
}

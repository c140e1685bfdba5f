using McpVanguard.Core.Trust;

namespace McpVanguard.Trust.Tests.Conformance;

/// <summary>Every sigstore-conformance bundle-verify case gives its expected verdict through the library verifier.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new(ConformanceCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_expected_verdict(string name)
    {
        var conformance = ConformanceCase.Load(name);
        var result = new SigstoreBundleVerifier().Verify(
            SigstoreArtifact.FromBytes(File.ReadAllBytes(conformance.ArtifactPath)),
            File.ReadAllText(conformance.BundlePath),
            conformance.Policy());

        output.WriteLine($"{name}: {(result.Verified ? "verified" : "refused")}: {result.Reason}");
        Assert.True(conformance.ShouldPass == result.Verified, $"{name}: expected {(conformance.ShouldPass ? "success" : "failure")}, got: {result.Reason}");
    }

    [Fact]
    public void The_suite_is_all_there()
    {
        // 70 cases as copied; a lost folder would silently shrink the theory.
        Assert.Equal(70, ConformanceCase.Names().Count());
    }
}

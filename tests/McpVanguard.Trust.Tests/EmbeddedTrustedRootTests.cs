using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Tests;

/// <summary>The embedded public-good root parses and holds the production services the conformance bundles rely on.</summary>
public sealed class EmbeddedTrustedRootTests
{
    [Fact]
    public void The_public_good_root_is_embedded_and_complete()
    {
        var root = TrustedRootParser.Parse(PublicGoodTrustedRoot.Json);

        Assert.Contains(root.TransparencyLogs, l => l.BaseUrl == "https://rekor.sigstore.dev");
        Assert.Contains(root.CertificateAuthorities, c => c.Uri == "https://fulcio.sigstore.dev");
        Assert.NotEmpty(root.CtLogs);
        Assert.NotEmpty(root.TimestampAuthorities);
    }
}

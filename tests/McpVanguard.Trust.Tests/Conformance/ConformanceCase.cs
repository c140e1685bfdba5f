using McpVanguard.Core.Trust;

namespace McpVanguard.Trust.Tests.Conformance;

/// <summary>
/// One sigstore-conformance bundle-verify case, read the way that suite's harness reads it (bundle-verify/README.md):
/// the artifact (or ../a.txt), identity and issuer (or the suite's defaults), key.pub, trusted_root.json.
/// </summary>
internal sealed record ConformanceCase(string Name, string Directory)
{
    public const string DefaultIdentity = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    public const string DefaultIssuer = "https://token.actions.githubusercontent.com";

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateDirectories(RepositoryPaths.Conformance).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static ConformanceCase Load(string name) => new(name, Path.Combine(RepositoryPaths.Conformance, name));

    public bool ShouldPass => !Name.EndsWith("_fail", StringComparison.Ordinal);

    public string BundlePath => Path.Combine(Directory, "bundle.sigstore.json");

    public string ArtifactPath => File.Exists(Path.Combine(Directory, "artifact")) ? Path.Combine(Directory, "artifact") : Path.Combine(RepositoryPaths.Conformance, "a.txt");

    public string? KeyPath => Optional("key.pub");

    public string? TrustedRootPath => Optional("trusted_root.json");

    public string Identity => Read("identity") ?? DefaultIdentity;

    public string Issuer => Read("issuer") ?? DefaultIssuer;

    public SigstorePolicy Policy()
    {
        var root = TrustedRootPath is { } r ? File.ReadAllText(r) : null;
        return KeyPath is { } key
            ? new SigstorePolicy { PublicKeyPem = File.ReadAllText(key), TrustedRootJson = root }
            : new SigstorePolicy { Identity = Identity, Issuer = Issuer, TrustedRootJson = root };
    }

    private string? Optional(string file) => File.Exists(Path.Combine(Directory, file)) ? Path.Combine(Directory, file) : null;

    private string? Read(string file) => Optional(file) is { } path ? File.ReadAllText(path).Trim() : null;
}

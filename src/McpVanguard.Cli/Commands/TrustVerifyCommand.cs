using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Core.Trust;
using McpVanguard.Trust;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard trust verify FILE --bundle B …</c>: verifies a Sigstore bundle for a file offline. Exit 0 only when
/// verified; 1 when the bundle does not verify (the reason on stderr); 2 when the command line or an input is wrong.
/// </summary>
internal static class TrustVerifyCommand
{
    public const int Verified = 0;
    public const int NotVerified = 1;
    public const int BadInput = 2;

    private const int MaxInputBytes = 64 * 1024 * 1024; // bundles and roots are KiB; refuse to slurp a wrong multi-GB path
    private const long MaxArtifactInMemory = 256L * 1024 * 1024; // above this the artifact is hashed as a stream (digest-only verification)

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The signed file (artifact)." };
        var bundle = new Option<string>("--bundle") { Description = "The Sigstore bundle (.sigstore.json) for FILE.", Required = true };
        var identity = new Option<string?>("--identity") { Description = "The exact certificate identity (SAN: e-mail or URI) required." };
        var identityRegex = new Option<string?>("--identity-regex") { Description = "A regular expression the whole certificate identity must match (linear-time)." };
        var issuer = new Option<string?>("--issuer") { Description = "The OIDC issuer required, e.g. https://token.actions.githubusercontent.com." };
        var key = new Option<string?>("--key") { Description = "A PEM public key, for bundles signed with a key instead of a certificate." };
        var trustedRoot = new Option<string?>("--trusted-root") { Description = "A Sigstore trusted_root.json to use instead of the embedded public-good root." };
        var repository = new Option<string?>("--github-repository") { Description = "GitHub Actions: the repository (owner/name) that ran the signing workflow." };
        var gitRef = new Option<string?>("--github-ref") { Description = "GitHub Actions: the git ref, e.g. refs/heads/main or refs/tags/v1.2.0." };
        var sha = new Option<string?>("--github-sha") { Description = "GitHub Actions: the commit SHA the workflow ran on." };
        var trigger = new Option<string?>("--github-trigger") { Description = "GitHub Actions: the event that triggered the workflow, e.g. push or release." };
        var workflowName = new Option<string?>("--github-workflow-name") { Description = "GitHub Actions: the workflow's name." };
        var workflowPath = new Option<string?>("--github-workflow-path") { Description = "GitHub Actions: the workflow file, e.g. .github/workflows/release.yml." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on stdout." };

        var verify = new Command("verify", HelpText.With(
            "Verify a Sigstore bundle for FILE offline: signature, Fulcio chain, SCTs, Rekor entry (SET or inclusion proof and signed checkpoint), RFC 3161 timestamps, and who signed. Exit 0 verified, 1 not verified, 2 bad input.",
            "vanguard trust verify pkg.tgz --bundle pkg.sigstore.json --identity https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1.0.0 --issuer https://token.actions.githubusercontent.com",
            "vanguard trust verify pkg.tgz --bundle pkg.sigstore.json --identity-regex '^https://github\\.com/o/r/' --issuer https://token.actions.githubusercontent.com --github-ref refs/heads/main",
            "vanguard trust verify rules.tar --bundle rules.sigstore.json --key signer.pub"))
        {
            file, bundle, identity, identityRegex, issuer, key, trustedRoot, repository, gitRef, sha, trigger, workflowName, workflowPath, json,
        };

        verify.SetAction(parse =>
        {
            SigstoreArtifact artifact;
            string bundleJson;
            string? keyPem;
            string? rootJson;
            try
            {
                artifact = ReadArtifact(parse.GetValue(file)!);
                bundleJson = ReadText(parse.GetValue(bundle)!);
                keyPem = parse.GetValue(key) is { } k ? ReadText(k) : null;
                rootJson = parse.GetValue(trustedRoot) is { } r ? ReadText(r) : null;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"vanguard trust verify: {e.Message}");
                return BadInput;
            }
            catch (UnauthorizedAccessException e)
            {
                Console.Error.WriteLine($"vanguard trust verify: {e.Message}");
                return BadInput;
            }

            var github = new GitHubWorkflowClaims(parse.GetValue(repository), parse.GetValue(gitRef), parse.GetValue(sha), parse.GetValue(trigger), parse.GetValue(workflowName), parse.GetValue(workflowPath));
            var policy = new SigstorePolicy
            {
                Identity = parse.GetValue(identity),
                IdentityPattern = parse.GetValue(identityRegex),
                Issuer = parse.GetValue(issuer),
                PublicKeyPem = keyPem,
                TrustedRootJson = rootJson,
                GitHub = github == new GitHubWorkflowClaims() ? null : github,
            };

            if (keyPem is null && policy.Identity is null && policy.IdentityPattern is null)
            {
                Console.Error.WriteLine("vanguard trust verify: say who must have signed: --identity or --identity-regex (with --issuer), or --key for a key-signed bundle");
                return BadInput;
            }

            if (policy.IdentityPattern is { } pattern && SigstoreBundleVerifier.ValidateIdentityPattern(pattern) is { } problem)
            {
                Console.Error.WriteLine($"vanguard trust verify: --identity-regex: {problem}");
                return BadInput;
            }

            var result = new SigstoreBundleVerifier().Verify(artifact, bundleJson, policy);
            Report(result, parse.GetValue(file)!, parse.GetValue(json));
            return result.Verified ? Verified : NotVerified;
        });
        return verify;
    }

    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Report(SigstoreVerification result, string file, bool json)
    {
        if (json)
        {
            Console.WriteLine(new JsonObject
            {
                ["file"] = file,
                ["verified"] = result.Verified,
                ["reason"] = result.Reason,
                ["identity"] = result.SignerIdentity,
                ["issuer"] = result.SignerIssuer,
                ["signedAt"] = result.SignedAt?.ToString("O", CultureInfo.InvariantCulture),
            }.ToJsonString(JsonOutput));
            return;
        }

        if (!result.Verified)
        {
            Console.Error.WriteLine($"vanguard trust verify: NOT verified: {file}: {result.Reason}");
            return;
        }

        var who = result.SignerIdentity is null ? "the given public key" : $"{result.SignerIdentity} (issuer {result.SignerIssuer})";
        var when = result.SignedAt is { } t ? $" at {t.ToString("u", CultureInfo.InvariantCulture)}" : "";
        Console.WriteLine($"verified: {file} signed by {who}{when}");
    }

    private static SigstoreArtifact ReadArtifact(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new IOException($"{path}: no such file");
        }

        if (info.Length <= MaxArtifactInMemory)
        {
            return SigstoreArtifact.FromBytes(File.ReadAllBytes(path));
        }

        using var stream = info.OpenRead();
        return SigstoreArtifact.FromDigest(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string ReadText(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new IOException($"{path}: no such file");
        }

        if (info.Length > MaxInputBytes)
        {
            throw new IOException($"{path}: larger than {MaxInputBytes / (1024 * 1024)} MiB; not a bundle, key or trusted root");
        }

        return File.ReadAllText(path);
    }
}

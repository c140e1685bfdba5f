using System.CommandLine;
using System.Security.Cryptography;
using McpVanguard.Core.Trust;
using McpVanguard.Core.Trust.Manifests;
using McpVanguard.Integrity;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard manifest create|sign|verify</c>: a signed description of one upstream server (its launch, the npm package
/// it runs with the package's integrity and files, its approved capabilities) that <c>start</c> and <c>serve</c> check
/// before spawning it (docs/TRUST.md).
/// </summary>
internal static class ManifestCommand
{
    public static Command Create()
    {
        var manifest = new Command("manifest", "Create, sign and verify server manifests: what a server's launch runs and may offer, checked before it starts.");
        manifest.Subcommands.Add(CreateCommand());
        foreach (var command in ManifestSignCommands.Create())
        {
            manifest.Subcommands.Add(command);
        }

        return manifest;
    }

    private static Command CreateCommand()
    {
        var server = new Option<string>("--server", "-s") { Description = "The server command line exactly as start/serve will launch it, quoted.", Required = true };
        var serverId = new Option<string?>("--server-id") { Description = "The server's id (default: default)." };
        var pins = new Option<string?>("--pins") { Description = "A pin file (pins.json or an exported baseline): the approved tools, prompts and resources of this launch become the manifest's baseline." };
        var publisher = new Option<string?>("--publisher") { Description = "Who the manifest is from (informational)." };
        var provenance = new Option<string?>("--provenance") { Description = "The package's Sigstore provenance bundle (npm provenance), kept beside the manifest; needs --provenance-identity and --provenance-issuer." };
        var provenanceIdentity = new Option<string?>("--provenance-identity") { Description = "Who must have built the package: the exact certificate identity, or regex:PATTERN." };
        var provenanceIssuer = new Option<string?>("--provenance-issuer") { Description = "The OIDC issuer of that identity, e.g. https://token.actions.githubusercontent.com." };
        var repository = new Option<string?>("--github-repository") { Description = "Provenance: the GitHub repository (owner/name) that built the package." };
        var gitRef = new Option<string?>("--github-ref") { Description = "Provenance: the git ref it was built from, e.g. refs/tags/v1.2.0." };
        var workflowPath = new Option<string?>("--github-workflow-path") { Description = "Provenance: the workflow file, e.g. .github/workflows/release.yml." };
        var output = new Option<string>("--out") { Description = "The manifest file to write.", Required = true };
        var sign = new Option<string?>("--sign") { Description = "A PEM EC P-256 private key: also write OUT.sigstore.json, its signature." };
        var create = new Command("create", HelpText.With(
            "Describe a server's launch: the installed npm package it runs (name, version, the lockfile's integrity, a digest of its files; nothing is downloaded) and, with --pins, its approved capabilities.",
            "vanguard manifest create --server \"npx -y @modelcontextprotocol/server-filesystem .\" --pins team-pins.json --out files.manifest.json --sign team.pem",
            "vanguard manifest create --server \"node_modules/.bin/mcp-server-memory\" --out memory.manifest.json"))
        {
            server, serverId, pins, publisher, provenance, provenanceIdentity, provenanceIssuer, repository, gitRef, workflowPath, output, sign,
        };
        create.SetAction(parse =>
        {
            try
            {
                var argv = CommandLineSplitter.Split(parse.GetValue(server)!);
                if (argv.Count == 0)
                {
                    Console.Error.WriteLine("[vanguard] manifest create: --server is empty.");
                    return EngineFactory.ConfigurationError;
                }

                var package = Package(argv);
                var baseline = parse.GetValue(pins) is { } pinsPath ? Baseline(pinsPath, CommandLineSplitter.Join(argv)) : null;
                ManifestProvenance? built = null;
                if (parse.GetValue(provenance) is { } bundle)
                {
                    if (package is null || parse.GetValue(provenanceIdentity) is not { } identity || parse.GetValue(provenanceIssuer) is not { } issuer)
                    {
                        throw new ManifestException("--provenance needs an npm package launch, --provenance-identity and --provenance-issuer.");
                    }

                    var github = new GitHubWorkflowClaims(parse.GetValue(repository), parse.GetValue(gitRef), WorkflowPath: parse.GetValue(workflowPath));
                    built = new ManifestProvenance(bundle, identity, issuer, github == new GitHubWorkflowClaims() ? null : github);
                }

                var document = new ServerManifest
                {
                    ServerId = parse.GetValue(serverId) ?? "default",
                    Launch = argv,
                    Package = package,
                    Provenance = built,
                    Baseline = baseline,
                    Publisher = parse.GetValue(publisher),
                    Created = DateTimeOffset.UtcNow,
                };
                var path = parse.GetValue(output)!;
                File.WriteAllBytes(path, ServerManifestDocument.Serialize(document));
                var what = package is null ? "a launch that runs no npm package (only the launch and baseline are pinned)" : $"{package.Name}@{package.Version} ({package.Integrity[..Math.Min(23, package.Integrity.Length)]}…)";
                var tools = baseline is null ? "no baseline" : $"a baseline of {baseline.Servers.Values.Sum(s => s.Tools.Count)} tools";
                Console.WriteLine($"Wrote {path}: {what}, {tools}.");
                if (parse.GetValue(sign) is { } keyPath)
                {
                    using var key = ManifestSignCommands.LoadPrivateKey(keyPath);
                    Console.WriteLine($"Signed with key {KeyBasedBundle.KeyId(key)[..16]}: {ServerManifestDocument.Sign(path, key)}");
                }

                return 0;
            }
            catch (ManifestException ex)
            {
                Console.Error.WriteLine($"[vanguard] manifest create: {ex.Message}");
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or PinStoreException or ArgumentException or CryptographicException)
            {
                Console.Error.WriteLine($"[vanguard] manifest create: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
        });
        return create;
    }

    /// <summary>The installed package the launch runs, as the manifest pins it; null for a launch that runs no npm package.</summary>
    private static ManifestPackage? Package(IReadOnlyList<string> argv)
    {
        if (NpmLaunch.Parse(argv) is not { } launch)
        {
            return null;
        }

        var installed = NpmPackageLocator.Locate(launch, LaunchGate.CurrentNpmEnvironment())
            ?? throw new ManifestException($"{launch.Spec ?? launch.File} is not installed where {launch.Launcher} would find it from {Environment.CurrentDirectory}; install it first (nothing is downloaded), then create the manifest.");
        if (installed.Integrity is null)
        {
            throw new ManifestException($"no lockfile beside {installed.Directory} records the integrity of {installed.Name}@{installed.Version} (install it with npm so that package-lock.json records it).");
        }

        return new ManifestPackage("npm", installed.Name, installed.Version, installed.Integrity, NpmPackageFiles.Digest(installed.Directory));
    }

    /// <summary>The approved pins of <paramref name="upstream"/> in the pin file; refused while changes await approval.</summary>
    private static PinFile Baseline(string path, string upstream)
    {
        var file = PinStore.ReadFile(path);
        var selected = file.Servers.Where(kv => kv.Value.Upstream == upstream).ToList();
        if (selected.Count == 0)
        {
            var known = string.Join(", ", file.Servers.Values.Select(s => $"`{s.Upstream}`").Distinct().Take(10));
            throw new ManifestException($"{path} has no pins for the launch `{upstream}` (it has {(known.Length == 0 ? "none" : known)}); run the server once through vanguard start and approve its pins first.");
        }

        if (selected.Any(kv => kv.Value.Pending.Count > 0 || kv.Value.Prompts?.Pending.Count > 0 || kv.Value.Resources?.Pending.Count > 0 || kv.Value.ResourceTemplates?.Pending.Count > 0))
        {
            // A manifest is what a team approved: a change nobody approved must not travel inside it.
            throw new ManifestException($"changes await approval for `{upstream}` in {path}; review them with `vanguard pins diff` and approve or reject first.");
        }

        return new PinFile { Servers = new Dictionary<string, PinnedServer>(selected, StringComparer.Ordinal) };
    }
}

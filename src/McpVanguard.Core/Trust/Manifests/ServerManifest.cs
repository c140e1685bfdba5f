using System.Text.Json.Serialization;
using McpVanguard.Integrity;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// What a team approved for one upstream server: the launch it describes, the npm package that launch runs (name,
/// exact version, the registry's integrity and a digest of the installed files), the expected capabilities (a pin
/// baseline) and, optionally, the provenance policy of the package. Signed like a rule pack (<c>M.sigstore.json</c>).
/// </summary>
public sealed record ServerManifest
{
    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The <c>server_id</c> the manifest is for (informational: the launch is what is compared).</summary>
    public required string ServerId { get; init; }

    /// <summary>The launch as configured: the command and its arguments, compared exactly before spawning.</summary>
    public required IReadOnlyList<string> Launch { get; init; }

    /// <summary>The package the launch runs; null for a launch that runs no package vanguard can verify.</summary>
    public ManifestPackage? Package { get; init; }

    /// <summary>Who the package must have been built by (npm provenance); null when no provenance is required.</summary>
    public ManifestProvenance? Provenance { get; init; }

    /// <summary>The approved tools, prompts and resources (the pin-file format), used as the pins baseline of this server.</summary>
    public PinFile? Baseline { get; init; }

    /// <summary>Who created the manifest (free text, informational; the signature says who signed it).</summary>
    public string? Publisher { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary>How the file is written (source-generated): snake_case keys, indented for review, unknown members refused.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ServerManifest> TypeInfo => ServerManifestJsonContext.Default.ServerManifest;
}

/// <summary>An npm package as the manifest pins it.</summary>
/// <param name="Ecosystem">Only <c>npm</c> is supported (PyPI and OCI are not yet).</param>
/// <param name="Integrity">The tarball's Subresource Integrity string (<c>sha512-…</c>) as package-lock and the registry give it.</param>
/// <param name="Files">SHA-512 (<c>sha512-</c> base64) over the installed package directory's files (<see cref="NpmPackageFiles"/>).</param>
public sealed record ManifestPackage(string Ecosystem, string Name, string Version, string Integrity, string Files);

/// <summary>
/// The Sigstore provenance bundle of the package (npm provenance: a DSSE in-toto SLSA statement whose subject is the
/// tarball's SHA-512) and who must have built it.
/// </summary>
/// <param name="Bundle">The bundle file, relative to the manifest.</param>
/// <param name="Identity">The exact certificate identity, or <c>regex:</c> and a pattern over it.</param>
public sealed record ManifestProvenance(string Bundle, string Identity, string Issuer, GitHubWorkflowClaims? GitHub = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServerManifest))]
internal sealed partial class ServerManifestJsonContext : JsonSerializerContext;

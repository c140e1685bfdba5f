using System.Security.Cryptography;
using System.Text.Json;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// A manifest file and its signature beside it (<c>M.sigstore.json</c>, a Sigstore bundle over the file's exact bytes:
/// key-based, or keyless for the Sigstore verifier): read once, verified, then parsed from the verified bytes.
/// </summary>
public static class ServerManifestDocument
{
    /// <summary>Bounds the read: a manifest is a launch, a package and a baseline of one server.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>How a manifest is written: digests and descriptions stay readable in a file people review (no <c>\u002B</c> for '+').</summary>
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<ServerManifest> WriteTypeInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ServerManifest>)new JsonSerializerOptions(ServerManifest.TypeInfo.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }.GetTypeInfo(typeof(ServerManifest));

    /// <summary>Where the signature of <paramref name="manifestPath"/> is kept.</summary>
    public static string SignaturePath(string manifestPath) => manifestPath + ".sigstore.json";

    /// <summary>The manifest's bytes as written (indented JSON, snake_case).</summary>
    public static byte[] Serialize(ServerManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, WriteTypeInfo);

    /// <summary>Signs the file at <paramref name="manifestPath"/> as it is on disk; returns the signature's path.</summary>
    /// <exception cref="ManifestException">The file is not a manifest.</exception>
    public static string Sign(string manifestPath, ECDsa privateKey)
    {
        var bytes = ReadBounded(manifestPath);
        _ = Parse(bytes, manifestPath);
        var path = SignaturePath(manifestPath);
        File.WriteAllText(path, KeyBasedBundle.Sign(bytes, privateKey));
        return path;
    }

    /// <summary>The manifest at <paramref name="manifestPath"/>, parsed from the bytes whose signature verified under <paramref name="policy"/>.</summary>
    /// <exception cref="ManifestException">Unreadable, unsigned, wrongly signed, changed after signing, or not a manifest.</exception>
    public static (ServerManifest Manifest, SigstoreVerification Signature) ReadVerified(string manifestPath, SigstorePolicy policy, ArtifactSignatureVerifier verifier)
    {
        var bytes = ReadBounded(manifestPath);
        var signaturePath = SignaturePath(manifestPath);
        string bundle;
        try
        {
            bundle = File.Exists(signaturePath) ? File.ReadAllText(signaturePath) : throw new ManifestException($"manifest '{manifestPath}' is not signed (no {Path.GetFileName(signaturePath)}; sign it with `vanguard manifest sign`).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"the signature of manifest '{manifestPath}' cannot be read ({ex.Message}).", ex);
        }

        var result = verifier.Verify(bytes, bundle, policy);
        return result.Verified
            ? (Parse(bytes, manifestPath), result)
            : throw new ManifestException($"manifest '{manifestPath}' refused: {result.Reason}");
    }

    /// <summary>A manifest from <paramref name="bytes"/>, checked for the fields every use needs.</summary>
    /// <exception cref="ManifestException">Not JSON, an unknown field, another version, or a field missing.</exception>
    public static ServerManifest Parse(byte[] bytes, string path)
    {
        ServerManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ServerManifest.TypeInfo);
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"'{path}' is not a server manifest ({ex.Message}).", ex);
        }

        if (manifest is null || manifest.Launch is not { Count: > 0 })
        {
            throw new ManifestException($"'{path}' is not a server manifest (no launch).");
        }

        if (manifest.Version != ServerManifest.CurrentVersion)
        {
            throw new ManifestException($"'{path}': manifest version {manifest.Version} is not supported (expected {ServerManifest.CurrentVersion}).");
        }

        if (manifest.Package is { } package && (package.Ecosystem != "npm" || !NpmLaunch.IsPackageName(package.Name) || package.Version.Length == 0
            || !package.Integrity.StartsWith("sha512-", StringComparison.Ordinal) || !package.Files.StartsWith("sha512-", StringComparison.Ordinal)))
        {
            throw new ManifestException($"'{path}': the package must be an npm package with a name, a version, and sha512 integrity and files digests.");
        }

        return manifest;
    }

    /// <exception cref="ManifestException">Missing, unreadable or larger than <see cref="MaxBytes"/>.</exception>
    public static byte[] ReadBounded(string path)
    {
        try
        {
            return new FileInfo(path).Length > MaxBytes
                ? throw new ManifestException($"manifest '{path}' is larger than the {MaxBytes}-byte limit.")
                : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"manifest '{path}' cannot be read ({ex.Message}).", ex);
        }
    }
}

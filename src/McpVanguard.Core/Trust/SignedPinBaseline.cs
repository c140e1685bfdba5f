using System.Security.Cryptography;
using System.Text.Json;
using McpVanguard.Integrity;

namespace McpVanguard.Core.Trust;

/// <summary>
/// A pin baseline a team distributes with a signature beside it (<c>&lt;baseline&gt;.sigstore.json</c>, a
/// <see cref="KeyBasedBundle"/> over the file's bytes): read once, verified against the configured key, then parsed
/// from the verified bytes. <c>vanguard pins export --sign</c> writes both.
/// </summary>
public static class SignedPinBaseline
{
    /// <summary>Bounds the read like <see cref="PinStore.ReadFile"/>.</summary>
    private const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Where the signature of <paramref name="baselinePath"/> is kept.</summary>
    public static string SignaturePath(string baselinePath) => baselinePath + ".sigstore.json";

    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/> and, with a key, its signature beside it.</summary>
    public static void Write(PinFile file, string path, ECDsa? signingKey)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(file, PinFile.TypeInfo);
        File.WriteAllBytes(path, bytes);
        if (signingKey is not null)
        {
            File.WriteAllText(SignaturePath(path), KeyBasedBundle.Sign(bytes, signingKey));
        }
    }

    /// <summary>The baseline at <paramref name="path"/>, verified against <paramref name="publicKeyPem"/>.</summary>
    /// <exception cref="PinStoreException">Unreadable, unsigned, wrongly signed, changed after signing, or not a pin file.</exception>
    public static PinFile Read(string path, string publicKeyPem, ArtifactSignatureVerifier verifier)
        => Read(path, new SigstorePolicy { PublicKeyPem = publicKeyPem }, verifier);

    /// <summary>The baseline at <paramref name="path"/>, verified under <paramref name="policy"/> (a pinned key, or a keyless signer's identity and issuer).</summary>
    /// <exception cref="PinStoreException">Unreadable, unsigned, wrongly signed, changed after signing, or not a pin file.</exception>
    public static PinFile Read(string path, SigstorePolicy policy, ArtifactSignatureVerifier verifier)
    {
        byte[] bytes;
        string bundle;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                throw new PinStoreException($"{path}: larger than the {MaxBytes}-byte limit for a pin file.");
            }

            bytes = File.ReadAllBytes(path);
            if (!File.Exists(SignaturePath(path)))
            {
                throw new PinStoreException($"{path}: refused: it is not signed (no {Path.GetFileName(SignaturePath(path))}; pins.baseline_key or pins.baseline_identity requires a signed baseline, see `vanguard pins export --sign`).");
            }

            bundle = File.ReadAllText(SignaturePath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PinStoreException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        var result = verifier.Verify(bytes, bundle, policy);
        if (!result.Verified)
        {
            throw new PinStoreException($"{path}: refused: {result.Reason}");
        }

        try
        {
            var file = JsonSerializer.Deserialize(bytes, PinFile.TypeInfo) ?? throw new PinStoreException($"{path}: empty pin file.");
            return file.Version is < PinFile.OldestReadableVersion or > PinFile.CurrentVersion
                ? throw new PinStoreException($"{path}: pin file version {file.Version} is not supported (expected {PinFile.OldestReadableVersion} to {PinFile.CurrentVersion}).")
                : file;
        }
        catch (JsonException ex)
        {
            throw new PinStoreException($"{path}: not a valid pin file ({ex.Message}).", ex);
        }
    }
}

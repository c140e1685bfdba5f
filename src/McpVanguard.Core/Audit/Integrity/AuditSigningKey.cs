using System.Security.Cryptography;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// The local ECDSA P-256 key that signs audit checkpoints: a PKCS#8 PEM file created on first use (or by
/// <c>vanguard init</c>) with owner-only permissions, its public half written beside it as <c>&lt;key&gt;.pub</c>.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private AuditSigningKey(ECDsa key, string path)
    {
        _key = key;
        Path = path;
        KeyId = KeyIdOf(key);
    }

    /// <summary>The private key file.</summary>
    public string Path { get; }

    /// <summary>SHA-256 (hex) of the public key's SubjectPublicKeyInfo: names the key in every checkpoint.</summary>
    public string KeyId { get; }

    /// <summary>Where the public half is written: <c>&lt;key&gt;.pub</c>.</summary>
    public static string PublicPath(string privatePath) => privatePath + ".pub";

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for <c>vanguard audit verify --key</c>.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads the key at <paramref name="path"/>, creating it first when it does not exist.</summary>
    /// <param name="created">True when this call created the key.</param>
    /// <exception cref="AuditKeyException">The file exists but is not an EC P-256 private key, or it cannot be created.</exception>
    public static AuditSigningKey LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (!File.Exists(path))
        {
            created = TryCreate(path);
        }

        return Load(path);
    }

    /// <summary>Reads the key at <paramref name="path"/>.</summary>
    /// <exception cref="AuditKeyException">Missing, unreadable, or not an EC P-256 private key.</exception>
    public static AuditSigningKey Load(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuditKeyException($"audit signing key '{path}' cannot be read: {ex.Message}");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(includePrivateParameters: true).D is null)
            {
                throw new AuditKeyException($"audit signing key '{path}' is not an EC P-256 private key.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new AuditKeyException($"audit signing key '{path}' is not a PEM EC P-256 private key ({ex.Message}).");
        }

        return new AuditSigningKey(key, path);
    }

    /// <summary>Whether group or others may read the key file (Unix); the key then signs nothing a local attacker could not forge.</summary>
    public static bool IsExposed(string path)
        => !OperatingSystem.IsWindows() && File.Exists(path)
            && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    /// <summary>The DER (RFC 3279) ECDSA-SHA256 signature of <paramref name="payload"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> payload) => _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The key id of a public or private key.</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    public void Dispose() => _key.Dispose();

    /// <summary>Writes a new key to a temporary file and moves it into place, so that two processes starting together agree on one key.</summary>
    private static bool TryCreate(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
            {
                writer.Write(key.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: theirs is the key.
                File.Delete(temporary);
                return false;
            }

            File.WriteAllText(PublicPath(path), key.ExportSubjectPublicKeyInfoPem());
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new AuditKeyException($"audit signing key '{path}' cannot be created: {ex.Message}");
        }
    }
}

/// <summary>An audit signing key that is missing, unreadable or of the wrong kind.</summary>
public sealed class AuditKeyException(string message) : Exception(message);

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpVanguard.Trust.Keys;

/// <summary>
/// A verification key of one of the algorithms Sigstore uses (ECDSA P-256/384/521, RSA PKCS#1 v1.5 or PSS, Ed25519),
/// with the hash its key details name. ECDSA and RSA are .NET's; Ed25519 is libsodium's through NSec.
/// </summary>
internal sealed class SigstorePublicKey
{
    private const string EcOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly KeyAlgorithm _algorithm;
    private readonly HashAlgorithmName _hash;
    private readonly byte[] _spki;

    private SigstorePublicKey(KeyAlgorithm algorithm, HashAlgorithmName hash, byte[] spki)
    {
        _algorithm = algorithm;
        _hash = hash;
        _spki = spki;
    }

    private enum KeyAlgorithm
    {
        Ecdsa,
        RsaPkcs1,
        RsaPss,
        Ed25519,
    }

    /// <summary>The DER SubjectPublicKeyInfo: what bundles and log entries compare keys by.</summary>
    public ReadOnlySpan<byte> SubjectPublicKeyInfo => _spki;

    /// <summary>A trusted-root key: raw bytes (SPKI, or PKCS#1 for PKCS1_* details) and its key details.</summary>
    public static SigstorePublicKey FromTrustedRoot(byte[] rawBytes, string? keyDetails, string where)
    {
        try
        {
            switch (keyDetails)
            {
                case "PKCS1_RSA_PKCS1V5":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportRSAPublicKey(rawBytes, out _);
                        return new(KeyAlgorithm.RsaPkcs1, HashAlgorithmName.SHA256, rsa.ExportSubjectPublicKeyInfo());
                    }

                case "PKCS1_RSA_PSS":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportRSAPublicKey(rawBytes, out _);
                        return new(KeyAlgorithm.RsaPss, HashAlgorithmName.SHA256, rsa.ExportSubjectPublicKeyInfo());
                    }

                default:
                    var key = FromSpki(rawBytes, where);
                    return keyDetails switch
                    {
                        null or "" => key,
                        _ when keyDetails.Contains("PSS", StringComparison.Ordinal) && key._algorithm == KeyAlgorithm.RsaPkcs1 =>
                            new(KeyAlgorithm.RsaPss, HashFromDetails(keyDetails, key._hash), key._spki),
                        _ => new(key._algorithm, HashFromDetails(keyDetails, key._hash), key._spki),
                    };
            }
        }
        catch (CryptographicException e)
        {
            throw new SigstoreRejection($"{where}: the public key cannot be read ({e.Message})");
        }
    }

    /// <summary>A PEM "PUBLIC KEY" (SPKI), as given with --key for key-signed bundles.</summary>
    public static SigstorePublicKey FromPem(string pem)
    {
        var fields = PemEncoding.TryFind(pem, out var found) ? found : throw new SigstoreRejection("the public key is not a well-formed PEM block (markers and base64 body)");
        if (!pem.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
        {
            throw new SigstoreRejection($"the PEM holds '{pem[fields.Label]}', not a PUBLIC KEY");
        }

        return FromSpki(Convert.FromBase64String(pem[fields.Base64Data]), "the public key");
    }

    /// <summary>The key of a certificate (a Fulcio leaf).</summary>
    public static SigstorePublicKey FromCertificate(X509Certificate2 certificate) =>
        FromSpki(certificate.PublicKey.ExportSubjectPublicKeyInfo(), "the signing certificate");

    /// <summary>Reads the algorithm from the SPKI's algorithm identifier; the hash is Sigstore's default for it.</summary>
    public static SigstorePublicKey FromSpki(byte[] spki, string where)
    {
        string oid;
        try
        {
            var reader = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
            oid = reader.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            throw new SigstoreRejection($"{where}: the public key is not a DER SubjectPublicKeyInfo");
        }

        switch (oid)
        {
            case EcOid:
                using (var ec = ECDsa.Create())
                {
                    ec.ImportSubjectPublicKeyInfo(spki, out _);
                    var hash = ec.KeySize switch
                    {
                        256 => HashAlgorithmName.SHA256,
                        384 => HashAlgorithmName.SHA384,
                        521 => HashAlgorithmName.SHA512,
                        _ => throw new SigstoreRejection($"{where}: ECDSA curve of {ec.KeySize} bits is not supported"),
                    };
                    return new(KeyAlgorithm.Ecdsa, hash, spki);
                }

            case RsaOid:
                using (var rsa = RSA.Create())
                {
                    rsa.ImportSubjectPublicKeyInfo(spki, out _);
                    return new(KeyAlgorithm.RsaPkcs1, HashAlgorithmName.SHA256, spki);
                }

            case Ed25519Oid:
                return new(KeyAlgorithm.Ed25519, default, spki);

            default:
                throw new SigstoreRejection($"{where}: public key algorithm {oid} is not supported");
        }
    }

    /// <summary>Verifies a signature over <paramref name="data"/>; false for a bad or malformed signature.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            switch (_algorithm)
            {
                case KeyAlgorithm.Ecdsa:
                    using (var ec = ECDsa.Create())
                    {
                        ec.ImportSubjectPublicKeyInfo(_spki, out _);
                        return ec.VerifyData(data, signature, _hash, DSASignatureFormat.Rfc3279DerSequence);
                    }

                case KeyAlgorithm.RsaPkcs1:
                case KeyAlgorithm.RsaPss:
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportSubjectPublicKeyInfo(_spki, out _);
                        return rsa.VerifyData(data, signature, _hash, _algorithm == KeyAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
                    }

                default:
                    return VerifyEd25519(data, signature);
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Verifies a signature given only the digest of the signed data (ECDSA and RSA; Ed25519 signs the data itself).</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> digest, HashAlgorithmName digestAlgorithm, ReadOnlySpan<byte> signature)
    {
        if (digestAlgorithm != _hash)
        {
            return false;
        }

        try
        {
            switch (_algorithm)
            {
                case KeyAlgorithm.Ecdsa:
                    using (var ec = ECDsa.Create())
                    {
                        ec.ImportSubjectPublicKeyInfo(_spki, out _);
                        return ec.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
                    }

                case KeyAlgorithm.RsaPkcs1:
                case KeyAlgorithm.RsaPss:
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportSubjectPublicKeyInfo(_spki, out _);
                        return rsa.VerifyHash(digest, signature, _hash, _algorithm == KeyAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
                    }

                default:
                    throw new SigstoreRejection("an Ed25519 signature needs the artifact's bytes, not only its digest");
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private bool VerifyEd25519(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        EmbeddedLibsodium.Register();
        try
        {
            var algorithm = NSec.Cryptography.SignatureAlgorithm.Ed25519;
            var key = NSec.Cryptography.PublicKey.Import(algorithm, _spki, NSec.Cryptography.KeyBlobFormat.PkixPublicKey);
            return algorithm.Verify(key, data, signature);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            // libsodium ships for the common runtimes; elsewhere an Ed25519 signature cannot be checked, so it does not pass.
            throw new SigstoreRejection($"Ed25519 verification is not available on this platform ({e.GetType().Name})");
        }
    }

    /// <summary>The hash the signer used over the data (for message digests and digest-only verification).</summary>
    public HashAlgorithmName Hash => _hash;

    private static HashAlgorithmName HashFromDetails(string details, HashAlgorithmName fallback) =>
        details.EndsWith("SHA_256", StringComparison.Ordinal) || details.EndsWith("SHA256", StringComparison.Ordinal) ? HashAlgorithmName.SHA256
        : details.EndsWith("SHA_384", StringComparison.Ordinal) || details.EndsWith("SHA384", StringComparison.Ordinal) ? HashAlgorithmName.SHA384
        : details.EndsWith("SHA_512", StringComparison.Ordinal) || details.EndsWith("SHA512", StringComparison.Ordinal) ? HashAlgorithmName.SHA512
        : fallback;
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpVanguard.Trust.Certificates;

/// <summary>
/// Builds a certificate's path to one authority of the trusted root with .NET's X509Chain: only that authority's root
/// is trusted, its intermediates are the only extra certificates, nothing is downloaded, and validity is judged at the
/// signing time (a Fulcio leaf lives ten minutes), not now.
/// </summary>
internal static class CertificatePath
{
    /// <summary>Null when <paramref name="leaf"/> chains to the authority at <paramref name="time"/> for <paramref name="eku"/>; otherwise why not.</summary>
    public static string? Verify(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> authorityChain, DateTimeOffset time, string eku) =>
        Build(leaf, authorityChain, time, eku, out _);

    /// <summary>As <see cref="Verify"/>, also giving the SubjectPublicKeyInfo of the certificate that issued the leaf.</summary>
    public static string? Build(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> authorityChain, DateTimeOffset time, string eku, out byte[]? issuerKey)
    {
        issuerKey = null;
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = time.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        policy.ApplicationPolicy.Add(new Oid(eku));
        policy.CustomTrustStore.Add(authorityChain[^1]);
        for (var i = 0; i < authorityChain.Count - 1; i++)
        {
            policy.ExtraStore.Add(authorityChain[i]);
        }

        if (!chain.Build(leaf))
        {
            var status = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct();
            return string.Join(", ", status);
        }

        var elements = chain.ChainElements;
        if (!elements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authorityChain[^1].RawDataMemory.Span))
        {
            return "the path ends at a root other than the authority's";
        }

        issuerKey = elements.Count > 1 ? elements[1].Certificate.PublicKey.ExportSubjectPublicKeyInfo() : null;
        return null;
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace McpVanguard.Trust.Certificates;

/// <summary>
/// What a Fulcio certificate says about its signer: the SAN identity, the OIDC issuer, and the GitHub Actions claims
/// from the Fulcio extensions (OID arc 1.3.6.1.4.1.57264.1). Newer extensions (.8 onwards) hold a DER UTF8String;
/// the deprecated ones (.1 to .6) hold the raw string; where both exist the newer one wins.
/// </summary>
internal sealed record FulcioClaims(
    string? Identity,
    string? Issuer,
    string? Repository,
    string? Ref,
    string? Sha,
    string? Trigger,
    string? WorkflowName,
    string? WorkflowPath)
{
    private const string Arc = "1.3.6.1.4.1.57264.1.";

    public static FulcioClaims Read(X509Certificate2 certificate)
    {
        var values = new Dictionary<int, string>();
        foreach (var extension in certificate.Extensions)
        {
            var oid = extension.Oid?.Value;
            if (oid is null || !oid.StartsWith(Arc, StringComparison.Ordinal) || !int.TryParse(oid.AsSpan(Arc.Length), out var number))
            {
                continue;
            }

            values[number] = number >= 8 ? Utf8String(extension.RawData) ?? "" : Encoding.UTF8.GetString(extension.RawData);
        }

        string? Get(int modern, int legacy) => values.GetValueOrDefault(modern) ?? (legacy > 0 ? values.GetValueOrDefault(legacy) : null);

        // Source repository URI (.12) is https://github.com/owner/name; the legacy .5 is owner/name: compare the latter form.
        var repository = values.GetValueOrDefault(5) ?? RepositoryFromUri(values.GetValueOrDefault(12));
        return new FulcioClaims(
            SubjectAlternativeName(certificate),
            Get(8, 1),
            repository,
            Get(14, 6),
            Get(13, 3),
            Get(20, 2),
            values.GetValueOrDefault(4),
            WorkflowPathFrom(values.GetValueOrDefault(18) ?? values.GetValueOrDefault(9)));
    }

    private static string? Utf8String(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            return reader.ReadCharacterString(UniversalTagNumber.UTF8String);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static string? RepositoryFromUri(string? uri) =>
        uri is not null && uri.StartsWith("https://github.com/", StringComparison.Ordinal) ? uri["https://github.com/".Length..] : uri;

    // Build config URI: https://github.com/OWNER/REPO/.github/workflows/FILE.yml@REF → .github/workflows/FILE.yml
    private static string? WorkflowPathFrom(string? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var path = at < 0 ? uri : uri[..at];
        var workflows = path.IndexOf("/.github/workflows/", StringComparison.Ordinal);
        return workflows < 0 ? null : path[(workflows + 1)..];
    }

    /// <summary>The SAN Fulcio put the identity in: a URI (workflows, SPIFFE), an e-mail, or an otherName (username).</summary>
    private static string? SubjectAlternativeName(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["2.5.29.17"];
        if (extension is null)
        {
            return null;
        }

        try
        {
            var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific)
                {
                    names.ReadEncodedValue();
                    continue;
                }

                switch (tag.TagValue)
                {
                    case 1: // rfc822Name
                    case 6: // uniformResourceIdentifier
                        return names.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, tag.TagValue));
                    case 0: // otherName { type-id, [0] EXPLICIT value } — Fulcio's username identities
                        var other = names.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                        other.ReadObjectIdentifier();
                        var explicitValue = other.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                        return explicitValue.ReadCharacterString(UniversalTagNumber.UTF8String);
                    default:
                        names.ReadEncodedValue();
                        break;
                }
            }
        }
        catch (AsnContentException)
        {
            return null;
        }

        return null;
    }
}

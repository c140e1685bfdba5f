namespace McpVanguard.Inspection.Network;

/// <summary>
/// The request paths of the cloud instance-metadata APIs. A URL with one of them reaches the metadata service through any
/// host that resolves there (DNS rebinding, a short <c>metadata</c> name, a custom resolver) or through an open redirect.
/// </summary>
internal static class MetadataApiPaths
{
    /// <summary>AWS (and OpenStack, Alibaba) IMDS, GCP, and OCI paths; each must end at a path boundary.</summary>
    private static readonly string[] Prefixes =
    [
        "/latest/meta-data", "/latest/user-data", "/latest/dynamic/instance-identity", "/latest/api/token",
        "/computemetadata/v1", "/opc/v1/instance", "/opc/v2/instance", "/opc/v1/identity", "/opc/v2/identity",
    ];

    /// <summary>Azure IMDS paths, which answer only with an <c>api-version</c> query parameter.</summary>
    private static readonly string[] AzurePrefixes = ["/metadata/instance", "/metadata/identity/oauth2/token"];

    /// <summary>True when <paramref name="url"/> (any part of it: path, query, a URL nested in the query) names a metadata API path.</summary>
    public static bool Contains(ReadOnlySpan<char> url)
    {
        foreach (var prefix in Prefixes)
        {
            if (ContainsAtBoundary(url, prefix, out _))
            {
                return true;
            }
        }

        foreach (var prefix in AzurePrefixes)
        {
            if (ContainsAtBoundary(url, prefix, out var end) && url[end..].Contains("api-version=", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAtBoundary(ReadOnlySpan<char> text, string prefix, out int end)
    {
        var from = 0;
        while (from < text.Length)
        {
            var i = text[from..].IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                break;
            }

            end = from + i + prefix.Length;

            // "/latest/meta-data" and "/computeMetadata/v1beta1" count; "/latest/meta-datasets" does not.
            if (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]) && text[end] != '_' || text[end..].StartsWith("beta1", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            from = end;
        }

        end = 0;
        return false;
    }
}

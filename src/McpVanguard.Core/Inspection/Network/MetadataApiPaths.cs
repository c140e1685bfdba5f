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

    /// <summary>
    /// True when the normalised <paramref name="segments"/> of a URL's path start, anywhere, a metadata API path in the
    /// form the service resolves: <c>/&lt;version&gt;/meta-data</c> for every IMDS version (<c>latest</c>, dates, <c>1.0</c>),
    /// GCP <c>computeMetadata/v1*</c>, Azure <c>metadata/instance|identity</c> (with <c>api-version</c>), OCI <c>opc/v1|v2</c>,
    /// DigitalOcean <c>metadata/v1</c>, Hetzner <c>hetzner/v1/metadata</c>, OpenStack <c>openstack/&lt;version&gt;/meta_data.json</c>.
    /// </summary>
    public static bool IsMetadataPath(string[] segments, ReadOnlySpan<char> query)
    {
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            var (a, b) = (segments[i], segments[i + 1]);
            var matches = IsImdsVersion(a) && (b is "meta-data" or "user-data" or "dynamic" || b == "api" && i + 2 < segments.Length && segments[i + 2] == "token")
                || a == "computemetadata" && b.StartsWith("v1", StringComparison.Ordinal)
                || a == "opc" && b is "v1" or "v2"
                || a == "metadata" && b is "v1.json"
                || a == "metadata" && b == "v1" && i + 2 < segments.Length && DigitalOceanKeys.Contains(segments[i + 2])
                || a == "hetzner" && b == "v1" && i + 2 < segments.Length && segments[i + 2] == "metadata"
                || a == "openstack" && IsImdsVersion(b)
                || a == "metadata" && b is "instance" or "identity" && query.Contains("api-version=", StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the normalised <paramref name="segments"/> hold <c>/&lt;version&gt;/meta-data/&lt;x&gt;</c> only with an <c>x</c> the IMDS never
    /// serves (<c>/latest/meta-data/guide</c>, an article about it), and no other metadata path. Used for public DNS names only: an
    /// attacker's name resolving to the service asks it for what it serves (<c>iam</c>, <c>hostname</c>, the bare listing).
    /// </summary>
    public static bool NamesOnlyUnservedKeys(string[] segments)
    {
        var seen = false;
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (IsImdsVersion(segments[i]) && segments[i + 1] == "meta-data")
            {
                if (i + 2 >= segments.Length || ImdsKeys.Contains(segments[i + 2]) || segments[i + 2].Contains('%'))
                {
                    return false;
                }

                seen = true;
            }
        }

        return seen;
    }

    /// <summary>The top-level keys of the EC2 (and compatible) instance metadata service's <c>meta-data</c> tree.</summary>
    private static readonly HashSet<string> ImdsKeys =
    [
        "ami-id", "ami-launch-index", "ami-manifest-path", "ancestor-ami-ids", "autoscaling", "block-device-mapping", "elastic-gpus",
        "elastic-inference-accelerator", "events", "hibernation", "hostname", "iam", "identity-credentials", "instance-action", "instance-id",
        "instance-life-cycle", "instance-type", "ipv6", "kernel-id", "local-hostname", "local-ipv4", "mac", "metrics", "network", "placement",
        "product-codes", "public-hostname", "public-ipv4", "public-keys", "ramdisk-id", "reservation-id", "security-groups", "services", "spot",
        "system", "tags", "partition-number", "region", "availability-zone", "instance-identity", "user-data",
    ];

    /// <summary>The top-level keys of DigitalOcean's metadata API (<c>/metadata/v1/…</c>), so an unrelated <c>/metadata/v1/items</c> API passes.</summary>
    private static readonly HashSet<string> DigitalOceanKeys = ["id", "hostname", "user-data", "vendor-data", "public-keys", "region", "interfaces", "dns", "floating_ip", "reserved_ip", "tags", "features"];

    /// <summary>An IMDS API version segment: <c>latest</c>, <c>1.0</c> or a release date (<c>2021-07-15</c>).</summary>
    private static bool IsImdsVersion(string s) =>
        s is "latest" or "1.0" || s.Length == 10 && s[4] == '-' && s[7] == '-' && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1])
            && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6])
            && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

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

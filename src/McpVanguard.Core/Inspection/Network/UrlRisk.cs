namespace McpVanguard.Inspection.Network;

/// <summary>Where a URL points, as far as server-side request forgery is concerned.</summary>
public enum UrlRisk
{
    /// <summary>A public host (or a URL that is none of the below).</summary>
    Public,

    /// <summary>A cloud instance-metadata service (credentials for the whole machine).</summary>
    CloudMetadata,

    /// <summary>A scheme servers should never fetch for an agent: <c>gopher</c>, <c>file</c>, <c>dict</c>, <c>ldap</c>, …</summary>
    DangerousScheme,

    Loopback,

    /// <summary>RFC 1918, carrier-grade NAT and IPv6 unique-local addresses.</summary>
    Private,

    LinkLocal,

    /// <summary><c>0.0.0.0</c> or <c>::</c>, which reach the local host on most systems.</summary>
    Unspecified,

    /// <summary>An unauthenticated infrastructure API port on any host: Docker daemon, etcd, kubelet, cAdvisor.</summary>
    InfrastructureApi,

    /// <summary>
    /// A well-known internal service (Redis, Consul, Elasticsearch, Docker, kubelet, etcd, an admin console…) on a loopback,
    /// private, link-local or unspecified address: its port or a path only it serves.
    /// </summary>
    InternalService,

    /// <summary>
    /// A <c>file:</c> URL on this machine (<c>file:///…</c>, <c>file://localhost/…</c>): the server reads a local file, so the
    /// path decides, and the sensitive-path catalogue judges it as it judges a path argument. A remote host is a share (SMB).
    /// </summary>
    LocalFile,
}

/// <summary>The verdict on one URL: its risk, a display form of the host (or scheme), and whether the host was written in an evasive form.</summary>
public readonly record struct UrlClassification(UrlRisk Risk, string Host, bool Obfuscated)
{
    public static UrlClassification PublicUrl { get; } = new(UrlRisk.Public, string.Empty, false);
}

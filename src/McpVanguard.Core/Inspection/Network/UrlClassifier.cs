using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// Finds the host a URL really reaches, the way servers' HTTP stacks do rather than the way a naive filter reads it:
/// <c>user@host</c> and <c>http://good.com@169.254.169.254/</c>, backslashes, percent-encoded hosts, trailing dots,
/// numeric IPv4 forms, bracketed IPv6 with embedded IPv4, and wildcard-DNS names such as <c>127.0.0.1.nip.io</c>.
/// </summary>
public static class UrlClassifier
{
    /// <summary>Schemes that turn a fetch into protocol smuggling (gopher, dict), local file reads (file, jar, netdoc) or code paths (php, expect).</summary>
    private static readonly FrozenSet<string> DangerousSchemes = FrozenSet.Create(StringComparer.Ordinal,
        "gopher", "dict", "file", "ftp", "ftps", "tftp", "ldap", "ldaps", "jar", "netdoc", "php", "phar", "expect", "smb", "sftp",
        "telnet", "jndi", "rmi", "glob", "zip", "ogg", "data+file");

    /// <summary>
    /// Metadata service host names of the major clouds, and the in-cluster Kubernetes API, which hands a pod's service
    /// account the same kind of credential-bearing access.
    /// </summary>
    private static readonly FrozenSet<string> MetadataHosts = FrozenSet.Create(StringComparer.Ordinal,
        "metadata.google.internal", "metadata.goog", "metadata", "metadata.azure.com", "instance-data", "instance-data.ec2.internal",
        "metadata.tencentyun.com", "metadata.platformequinix.com", "metadata.packet.net",
        "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local");

    /// <summary>
    /// Schemes of ordinary network clients (an LDAP, FTP, SFTP, SMB or telnet client given its own URL). A fetch tool asked
    /// for them is being pointed away from HTTP; a command line naming them is that client's usual call, so there only
    /// the host they reach is judged.
    /// </summary>
    private static readonly FrozenSet<string> ClientSchemes = FrozenSet.Create(StringComparer.Ordinal,
        "ldap", "ldaps", "ftp", "ftps", "sftp", "smb", "telnet");

    /// <summary>
    /// Ports of infrastructure APIs that answer without authentication by default and hand over the host: the Docker
    /// daemon (2375/2376), etcd (2379/2380, the cluster's secrets), the kubelet (10250/10255) and cAdvisor (4194).
    /// </summary>
    private static readonly FrozenSet<int> InfrastructureApiPorts = FrozenSet.Create(2375, 2376, 2379, 2380, 10250, 10255, 4194);

    /// <summary>
    /// Name suffixes that never resolve on the public internet: reserved (<c>.internal</c>, <c>.home.arpa</c>), mDNS
    /// (<c>.local</c>) and the de-facto intranet ones. A URL on them reaches the private network.
    /// </summary>
    private static readonly string[] InternalNameSuffixes = [".internal", ".local", ".lan", ".corp", ".intranet", ".home.arpa"];

    /// <summary>UTS-46 host mapping as resolvers and WHATWG URL parsers apply it (IdnMapping is thread-safe once configured).</summary>
    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Classifies <paramref name="url"/>; a value without a scheme is read as an <c>http</c> authority (<c>169.254.169.254/latest</c>).
    /// With <paramref name="commandLine"/>, client schemes (<c>ldap://</c>, <c>sftp://</c>) are judged by their host, not refused.
    /// </summary>
    public static UrlClassification Classify(string url, bool commandLine = false)
    {
        var s = url.AsSpan().Trim();
        var rest = s;
        var colon = s.IndexOf(':');
        if (colon > 0 && IsScheme(s[..colon]) && !(colon == 1 && s.Length > 2 && s[2] is '/' or '\\'))
        {
            var scheme = s[..colon].ToString().ToLowerInvariant();
            if (scheme == "file" && IsLocalFileAuthority(s[(colon + 1)..]))
            {
                return new UrlClassification(UrlRisk.LocalFile, scheme, false);
            }

            if (DangerousSchemes.Contains(scheme) && !(commandLine && ClientSchemes.Contains(scheme)))
            {
                return new UrlClassification(UrlRisk.DangerousScheme, scheme, false);
            }

            // tcp:// is how Docker and etcd clients name a daemon (docker -H tcp://host:2375).
            if (scheme is not ("http" or "https" or "ws" or "wss" or "tcp") && !ClientSchemes.Contains(scheme))
            {
                return UrlClassification.PublicUrl;
            }

            rest = s[(colon + 1)..];
        }

        // Lax parsers accept any number of slashes and backslashes before the authority.
        rest = rest.TrimStart("/\\");

        // WHATWG parsers end the authority at a backslash, RFC 3986 ones (curl, libraries) only at / ? #: when the two
        // disagree (http://good.com\@169.254.169.254/), the URL is judged by the riskier reading.
        var whatwg = ClassifyAuthority(rest, rest.IndexOfAny("/\\?#"));
        var rfcEnd = rest.IndexOfAny("/?#");
        if (rfcEnd == rest.IndexOfAny("/\\?#"))
        {
            return whatwg;
        }

        var rfc = ClassifyAuthority(rest, rfcEnd);
        return WildcardDnsNames.Rank(rfc.Risk) > WildcardDnsNames.Rank(whatwg.Risk) || whatwg.Risk == UrlRisk.Public ? rfc : whatwg;
    }

    /// <summary>Classifies the URL whose authority ends at <paramref name="end"/> of <paramref name="rest"/> (-1: no path).</summary>
    private static UrlClassification ClassifyAuthority(ReadOnlySpan<char> rest, int end)
    {
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var host = ClassifyHost(authority);
        if (host.Risk is UrlRisk.CloudMetadata)
        {
            return host;
        }

        var pathAndQuery = end < 0 ? [] : rest[end..];
        var segments = UrlPath.Segments(pathAndQuery);
        var query = pathAndQuery.IndexOf('?') is var q and >= 0 ? pathAndQuery[q..] : [];
        if ((MetadataApiPaths.Contains(pathAndQuery) || MetadataApiPaths.IsMetadataPath(segments, query))
            && !(host.Risk == UrlRisk.Public && !IsIpLiteral(authority) && MetadataApiPaths.NamesOnlyUnservedKeys(segments)))
        {
            // The metadata API's own path, whatever host is written: a name that resolves to it, or a redirect to it.
            return new UrlClassification(UrlRisk.CloudMetadata, host.Host.Length > 0 ? host.Host : authority.ToString(), host.Obfuscated);
        }

        var hasPort = TryPort(authority, out var port);
        if (hasPort && InfrastructureApiPorts.Contains(port))
        {
            return new UrlClassification(UrlRisk.InfrastructureApi, authority.ToString(), host.Obfuscated);
        }

        if (host.Risk is UrlRisk.Loopback or UrlRisk.Private or UrlRisk.LinkLocal or UrlRisk.Unspecified
            && InternalServices.Find(hasPort ? port : -1, segments) is { } service)
        {
            return new UrlClassification(UrlRisk.InternalService, $"{host.Host}, {service}", host.Obfuscated);
        }

        return host;
    }

    /// <summary>
    /// True when what follows <c>file:</c> names this machine: no authority (<c>file:/etc/x</c>, <c>file:///C:/x</c>) or
    /// <c>localhost</c>. Any other host (<c>file://203.0.113.5/share</c>, <c>file:\\host\share</c>) is a network share, whose
    /// fetch leaks the machine's credentials on Windows.
    /// </summary>
    private static bool IsLocalFileAuthority(ReadOnlySpan<char> rest)
    {
        // WHATWG parsers read a backslash as a slash in a file: URL (file:\\host\share is a share, file:///C:\x a local file).
        if (rest.Length < 2 || rest[0] is not ('/' or '\\') || rest[1] is not ('/' or '\\'))
        {
            return true;
        }

        rest = rest[2..];
        var end = rest.IndexOfAny('/', '\\');
        var authority = end < 0 ? rest : rest[..end];
        return authority.IsEmpty || authority.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the host of <paramref name="authority"/> is written as an address (digits, dots, hex, brackets), not a DNS name.</summary>
    private static bool IsIpLiteral(ReadOnlySpan<char> authority)
    {
        var colon = authority.LastIndexOf(':');
        var host = authority.Contains(']') || colon < 0 ? authority : authority[..colon];
        foreach (var c in host)
        {
            if (char.IsAsciiLetter(c) && !char.IsAsciiHexDigit(c) && c is not ('x' or 'X'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryPort(ReadOnlySpan<char> authority, out int port)
    {
        port = 0;
        var colon = authority.LastIndexOf(':');
        var close = authority.LastIndexOf(']');
        return colon > close && colon + 1 < authority.Length && int.TryParse(authority[(colon + 1)..], out port);
    }

    /// <summary>Classifies <c>host[:port]</c> (or <c>[v6]:port</c>), percent-decoding it first.</summary>
    public static UrlClassification ClassifyHost(ReadOnlySpan<char> authority)
    {
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            host = (close < 0 ? authority[1..] : authority[1..close]).ToString();
        }
        else
        {
            var portColon = authority.LastIndexOf(':');
            if (portColon >= 0 && authority.IndexOf(':') == portColon)
            {
                authority = authority[..portColon];
            }

            host = authority.ToString();
        }

        host = PercentDecode(host);
        var mapped = false;
        if (!Ascii.IsValid(host))
        {
            // Resolvers and WHATWG URL parsers apply UTS-46 first: 169。254。169。254 (U+3002, U+FF0E, U+FF61) and fullwidth
            // digits reach 169.254.169.254, and a mapped spelling of an internal address is an evasion.
            host = MapHost(host);
            mapped = true;
        }

        host = host.ToLowerInvariant().TrimEnd('.');
        var zone = host.IndexOf('%');
        if (zone >= 0 && host.Contains(':'))
        {
            host = host[..zone];
        }

        if (host.Length == 0)
        {
            return UrlClassification.PublicUrl;
        }

        if (IpClassifier.TryParseIPv4(host, out var v4, out var obfuscated))
        {
            return new UrlClassification(IpClassifier.Classify(v4), FormatV4(v4), obfuscated || mapped);
        }

        if (host.Contains(':') && IPAddress.TryParse(host, out var v6))
        {
            var risk = IpClassifier.Classify(v6, out var embedded);
            return new UrlClassification(risk, v6.ToString(), embedded || mapped);
        }

        var name = ClassifyName(host);
        return mapped && name.Risk != UrlRisk.Public ? name with { Obfuscated = true } : name;
    }

    private static UrlClassification ClassifyName(string host)
    {
        if (MetadataHosts.Contains(host))
        {
            return new UrlClassification(UrlRisk.CloudMetadata, host, false);
        }

        foreach (var suffix in InternalNameSuffixes)
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return new UrlClassification(UrlRisk.Private, host, false);
            }
        }

        if (host is "localhost" or "localhost.localdomain" or "ip6-localhost" or "ip6-loopback"
            || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return new UrlClassification(UrlRisk.Loopback, "localhost", false);
        }

        if (WildcardDnsNames.TryEmbeddedAddress(host, out var risk, out var address, out var plain))
        {
            // 169.254.169.254.nip.io, 10-0-0-1.sslip.io or a9fea9fe.nip.io resolve to the address they spell. Judged as that address;
            // only a hidden spelling (hex, IPv6, a rebinding service) is obfuscation: app.127.0.0.1.nip.io:8443 is a dev box, as 127.0.0.1 is.
            return new UrlClassification(risk, address, risk != UrlRisk.Public && !plain);
        }

        if (WildcardDnsNames.IsLoopbackName(host))
        {
            return new UrlClassification(UrlRisk.Loopback, host, false);
        }

        return UrlClassification.PublicUrl;
    }

    /// <summary>UTS-46 mapping of a non-ASCII host (full stops, fullwidth forms, case); a name IDNA refuses keeps its dots mapped.</summary>
    private static string MapHost(string host)
    {
        try
        {
            return Idna.GetAscii(host);
        }
        catch (ArgumentException)
        {
            // Invalid under STD3 rules (an underscore, an empty label): resolvers differ, so map the label separators anyway.
            return host.Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');
        }
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (s.Length > 32 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string PercentDecode(string host)
    {
        for (var round = 0; round < 3 && host.Contains('%'); round++)
        {
            var decoded = WebUtility.UrlDecode(host.Replace("+", "%2B", StringComparison.Ordinal));
            if (decoded == host)
            {
                break;
            }

            host = decoded;
        }

        return host;
    }

    private static string FormatV4(uint ip) => $"{ip >> 24}.{(ip >> 16) & 0xFF}.{(ip >> 8) & 0xFF}.{ip & 0xFF}";
}

using System.Net;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// Public DNS names that resolve to an address spelled inside them, used to walk an internal address past a host filter:
/// nip.io, sslip.io, xip.io, traefik.me (dotted <c>app.10.0.0.1.nip.io</c>, dashed <c>169-254-169-254.sslip.io</c>, hex
/// <c>a9fea9fe.nip.io</c>, IPv6 <c>--1.sslip.io</c>), the rebinding services rbndr.us and 1u.ms (two addresses, either may
/// answer), and names that always resolve to loopback (localtest.me, lvh.me, …).
/// </summary>
internal static class WildcardDnsNames
{
    /// <summary>Services answering with the address written in the name; without one, traefik.me answers 127.0.0.1.</summary>
    private static readonly string[] EmbeddingSuffixes = [".nip.io", ".sslip.io", ".xip.io", ".nip.direct", ".traefik.me", ".rbndr.us", ".1u.ms"];

    /// <summary>Names (and their subdomains) that always resolve to 127.0.0.1.</summary>
    private static readonly string[] LoopbackNames =
        ["localtest.me", "lvh.me", "vcap.me", "lacolhost.com", "localho.st", "localhost.direct", "local.gd", "fuf.me", "traefik.me"];

    /// <summary>Most address candidates examined in one name; bounds the work on a crafted one.</summary>
    private const int MaxTokens = 64;

    /// <summary>True when <paramref name="host"/> (lower-case, no trailing dot) is one of the loopback names or their subdomains.</summary>
    public static bool IsLoopbackName(string host)
    {
        foreach (var name in LoopbackNames)
        {
            if (host == name || host.Length > name.Length && host.EndsWith(name, StringComparison.Ordinal) && host[^(name.Length + 1)] == '.')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The riskiest address spelled in <paramref name="host"/> under a wildcard-DNS suffix, or false when it has none.
    /// Every spelling is tried, since the services differ in which they accept and an attacker picks the one that works.
    /// </summary>
    public static bool TryEmbeddedAddress(string host, out UrlRisk risk, out string address) => TryEmbeddedAddress(host, out risk, out address, out _);

    /// <summary>
    /// As <see cref="TryEmbeddedAddress(string, out UrlRisk, out string)"/>; <paramref name="plain"/> is true when the judged address is written
    /// as four decimal octets (<c>app.127.0.0.1.nip.io</c>, <c>10-0-0-5.sslip.io</c>), the way developers name a dev box, rather than in hex,
    /// IPv6 or through a rebinding service (<c>7f000001.nip.io</c>, <c>….rbndr.us</c>), which only hides the address.
    /// </summary>
    public static bool TryEmbeddedAddress(string host, out UrlRisk risk, out string address, out bool plain)
    {
        plain = false;
        risk = UrlRisk.Public;
        address = string.Empty;
        string? suffix = null;
        foreach (var s in EmbeddingSuffixes)
        {
            if (host.EndsWith(s, StringComparison.Ordinal))
            {
                suffix = s;
                break;
            }
        }

        if (suffix is null)
        {
            return false;
        }

        var name = host.AsSpan(0, host.Length - suffix.Length);
        var found = false;
        Span<uint> window = stackalloc uint[4];
        var run = 0;
        var tokens = 0;
        foreach (var range in name.SplitAny('.', '-'))
        {
            if (++tokens > MaxTokens)
            {
                break;
            }

            var token = name[range];
            if (token.Length is > 0 and <= 3 && uint.TryParse(token, out var octet) && octet <= 255)
            {
                // A run of four decimal octets, dotted or dashed: 10.0.0.1, 169-254-169-254, app.10.0.0.1.
                window[run % 4] = octet;
                run++;
                if (run >= 4)
                {
                    var ip = window[(run - 4) % 4] << 24 | window[(run - 3) % 4] << 16 | window[(run - 2) % 4] << 8 | window[(run - 1) % 4];
                    if (Consider(ip, ref risk, ref address, out var taken))
                    {
                        found = true;
                        plain |= taken;
                    }
                }

                continue;
            }

            run = 0;
            if (token.Length == 8 && uint.TryParse(token, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hex))
            {
                // Hex form: a9fea9fe.nip.io, app-7f000001.nip.io, 7f000001.a9fea9fe.rbndr.us.
                if (Consider(hex, ref risk, ref address, out var taken))
                {
                    found = true;
                    plain &= !taken;
                }
            }
        }

        // IPv6 in sslip.io's dashed form: --1.sslip.io is ::1, fd00-ec2--254 is fd00:ec2::254.
        var lastDot = name.LastIndexOf('.');
        var label = name[(lastDot + 1)..];
        if (label.Contains("--", StringComparison.Ordinal) && IPAddress.TryParse(label.ToString().Replace('-', ':'), out var v6))
        {
            var r = IpClassifier.Classify(v6, out _);
            if (Rank(r) > Rank(risk))
            {
                (risk, address, found, plain) = (r, v6.ToString(), true, false);
            }
        }

        if (!found && suffix == ".traefik.me")
        {
            (risk, address, found, plain) = (UrlRisk.Loopback, "127.0.0.1", true, true);
        }

        // A rebinding service answers with either address it names: hiding the internal one is its purpose.
        plain &= suffix is not (".rbndr.us" or ".1u.ms");
        return found;
    }

    /// <param name="taken">True when this address became the judged one.</param>
    private static bool Consider(uint ip, ref UrlRisk risk, ref string address, out bool taken)
    {
        var r = IpClassifier.Classify(ip);
        taken = address.Length == 0 || Rank(r) > Rank(risk);
        if (taken)
        {
            risk = r;
            address = $"{ip >> 24}.{(ip >> 16) & 0xFF}.{(ip >> 8) & 0xFF}.{ip & 0xFF}";
        }

        return true;
    }

    /// <summary>Orders risks so the worst address a name can resolve to is the one judged.</summary>
    public static int Rank(UrlRisk risk) => risk switch
    {
        UrlRisk.CloudMetadata => 5,
        UrlRisk.Loopback or UrlRisk.Unspecified => 3,
        UrlRisk.Private or UrlRisk.LinkLocal => 2,
        UrlRisk.Public => 0,
        _ => 1,
    };
}

using System.Net;
using System.Net.Sockets;

namespace McpVanguard.Inspection.Network;

/// <summary>Parses IPv4 in every form <c>inet_aton</c> accepts and classifies IPv4/IPv6 addresses into SSRF-relevant ranges.</summary>
internal static class IpClassifier
{
    /// <summary>
    /// Parses dotted, short (<c>127.1</c>), decimal (<c>2130706433</c>), hex (<c>0x7f000001</c>) and octal (<c>0177.0.0.1</c>) IPv4,
    /// the forms libc accepts and naive filters miss. <paramref name="obfuscated"/> is true for anything but plain dotted decimal.
    /// </summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> host, out uint address, out bool obfuscated)
    {
        address = 0;
        obfuscated = false;
        if (host.IsEmpty || host.Length > 64)
        {
            return false;
        }

        Span<ulong> parts = stackalloc ulong[4];
        var count = 0;
        foreach (var range in host.Split('.'))
        {
            if (count == 4 || !TryParsePart(host[range], out parts[count], ref obfuscated))
            {
                return false;
            }

            count++;
        }

        for (var i = 0; i < count - 1; i++)
        {
            if (parts[i] > 255)
            {
                return false;
            }
        }

        var lastBits = 8 * (5 - count);
        if (parts[count - 1] >= 1UL << lastBits)
        {
            return false;
        }

        ulong value = 0;
        for (var i = 0; i < count - 1; i++)
        {
            value |= parts[i] << (24 - 8 * i);
        }

        address = (uint)(value | parts[count - 1]);
        obfuscated |= count != 4;
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value, ref bool obfuscated)
    {
        value = 0;
        if (part.IsEmpty || part.Length > 12)
        {
            return false;
        }

        var radix = 10;
        if (part.Length > 1 && part[0] == '0' && (part[1] is 'x' or 'X'))
        {
            radix = 16;
            part = part[2..];
            obfuscated = true;
        }
        else if (part.Length > 1 && part[0] == '0')
        {
            radix = 8;
            part = part[1..];
            obfuscated = true;
        }

        foreach (var c in part)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : radix == 16 && char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            value = value * (ulong)radix + (ulong)digit;
        }

        return true;
    }

    public static UrlRisk Classify(uint ip)
    {
        if (ip is 0xA9FEA9FE or 0xA9FEAA02 or 0xA9FEAA17 or 0x646464C8 or 0xC00000C0 or 0xA83F8110)
        {
            // 169.254.169.254 (AWS, GCP, Azure, OCI…), 169.254.170.2/.23 (ECS task credentials), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle),
            // 168.63.129.16 (Azure's WireServer: the VM's goal state and extension settings with their protected secrets).
            return UrlRisk.CloudMetadata;
        }

        var a = ip >> 24;
        var b = (ip >> 16) & 0xFF;
        return a switch
        {
            127 => UrlRisk.Loopback,
            0 => UrlRisk.Unspecified,
            10 => UrlRisk.Private,
            169 when b == 254 => UrlRisk.LinkLocal,
            172 when b is >= 16 and <= 31 => UrlRisk.Private,
            192 when b == 168 => UrlRisk.Private,
            100 when b is >= 64 and <= 127 => UrlRisk.Private,
            _ => UrlRisk.Public,
        };
    }

    /// <summary>Classifies an address, looking through IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms to the IPv4 inside.</summary>
    public static UrlRisk Classify(IPAddress address, out bool embedded)
    {
        embedded = false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Classify(ToUInt32(address.GetAddressBytes(), 0));
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (b[..10].IndexOfAnyExcept((byte)0) < 0 && (b[10] == b[11] && b[10] is 0 or 0xFF))
        {
            var v4 = ToUInt32(b, 12);
            if (b[10] == 0xFF || v4 > 1)
            {
                // ::ffff:127.0.0.1, ::ffff:7f00:1 and the deprecated ::127.0.0.1 reach the IPv4 host.
                embedded = true;
                return Classify(v4);
            }

            return v4 == 1 ? UrlRisk.Loopback : UrlRisk.Unspecified;
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            embedded = true; // NAT64 64:ff9b::/96
            return Classify(ToUInt32(b, 12));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            embedded = true; // 6to4 2002:AABB:CCDD::/48
            return Classify(ToUInt32(b, 2));
        }

        if (b[0] == 0xFD && b[1] == 0x00 && b[2] == 0x0E && b[3] == 0xC2 && b[4..14].IndexOfAnyExcept((byte)0) < 0 && b[14] == 0x02 && b[15] == 0x54)
        {
            return UrlRisk.CloudMetadata; // fd00:ec2::254, the AWS IMDS IPv6 endpoint
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
        {
            return UrlRisk.LinkLocal; // fe80::/10
        }

        if ((b[0] & 0xFE) == 0xFC || b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)
        {
            return UrlRisk.Private; // fc00::/7 unique local, fec0::/10 deprecated site-local
        }

        return UrlRisk.Public;
    }

    private static uint ToUInt32(ReadOnlySpan<byte> b, int offset) =>
        (uint)(b[offset] << 24 | b[offset + 1] << 16 | b[offset + 2] << 8 | b[offset + 3]);
}

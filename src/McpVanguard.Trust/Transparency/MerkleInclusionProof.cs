using System.Security.Cryptography;

namespace McpVanguard.Trust.Transparency;

/// <summary>RFC 6962 / RFC 9162 §2.1.3.2 inclusion proof: recompute the root from a leaf and its audit path.</summary>
internal static class MerkleInclusionProof
{
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer.AsSpan(1)); // 0x00 prefix: leaf hashes can never collide with node hashes
        return SHA256.HashData(buffer);
    }

    /// <summary>True when <paramref name="path"/> proves <paramref name="leafHash"/> at <paramref name="index"/> in a tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static bool Verify(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0 || p.Length != 32)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    private static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }
}

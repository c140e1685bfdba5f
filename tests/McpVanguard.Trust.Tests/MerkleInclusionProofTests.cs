using System.Security.Cryptography;
using McpVanguard.Trust.Transparency;

namespace McpVanguard.Trust.Tests;

/// <summary>RFC 6962 inclusion proofs against trees built here by the RFC's own definition (MTH), for every leaf of sizes 1–17.</summary>
public sealed class MerkleInclusionProofTests
{
    public static TheoryData<int> Sizes() => new(Enumerable.Range(1, 17));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_leaf_is_proven_and_a_changed_proof_is_not(int size)
    {
        var leaves = Enumerable.Range(0, size).Select(i => MerkleInclusionProof.LeafHash([(byte)i, 0x42])).ToArray();
        var root = TreeHash(leaves);
        for (var index = 0; index < size; index++)
        {
            var path = AuditPath(index, leaves);
            Assert.True(MerkleInclusionProof.Verify(index, size, leaves[index], path, root), $"leaf {index} of {size}");

            // The wrong leaf, the wrong index, a flipped bit in the path, or a truncated path must all fail.
            Assert.False(MerkleInclusionProof.Verify(index, size, MerkleInclusionProof.LeafHash([0xFF]), path, root));
            if (size > 1)
            {
                Assert.False(MerkleInclusionProof.Verify((index + 1) % size, size, leaves[index], path, root));
                var flipped = path.Select(p => p.ToArray()).ToList();
                flipped[0][0] ^= 1;
                Assert.False(MerkleInclusionProof.Verify(index, size, leaves[index], flipped, root));
                Assert.False(MerkleInclusionProof.Verify(index, size, leaves[index], path.Take(path.Count - 1).ToList(), root));
            }

            Assert.False(MerkleInclusionProof.Verify(size, size, leaves[index], path, root));
        }
    }

    // RFC 6962 §2.1: MTH(D[n]) = H(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two below n.
    private static byte[] TreeHash(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        var k = Split(leaves.Length);
        return Node(TreeHash(leaves[..k]), TreeHash(leaves[k..]));
    }

    // RFC 6962 §2.1.1: PATH(m, D[n]).
    private static List<byte[]> AuditPath(int m, ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return [];
        }

        var k = Split(leaves.Length);
        if (m < k)
        {
            var path = AuditPath(m, leaves[..k]);
            path.Add(TreeHash(leaves[k..]));
            return path;
        }

        var right = AuditPath(m - k, leaves[k..]);
        right.Add(TreeHash(leaves[..k]));
        return right;
    }

    private static int Split(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);
}

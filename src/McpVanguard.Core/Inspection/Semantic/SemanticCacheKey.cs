using System.Security.Cryptography;
using System.Text;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// The cache key of a score: SHA-256 of the scorer, the subject, the tool and the bounded canonical text. A hash, so that
/// the cache never holds the text itself; the scorer is part of it so that two providers never share a verdict.
/// </summary>
internal static class SemanticCacheKey
{
    public static string For(ISemanticScorer scorer, SemanticRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Every field is length-prefixed, so that no two different tuples write the same bytes.
        Append(hash, scorer.Provider);
        Append(hash, scorer.Model);
        Append(hash, request.Subject.ToString());
        Append(hash, request.ToolName ?? string.Empty);
        Append(hash, request.Text);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value.Length);
        hash.AppendData(length);
        hash.AppendData(Encoding.UTF8.GetBytes(value));
    }
}

using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace McpVanguard.Inspection;

/// <summary>
/// The SHA-256 of some content, as a cache key: collision-resistant, so content chosen by a server cannot pass for other
/// content that was analysed before.
/// </summary>
public readonly record struct ContentHash(UInt128 High, UInt128 Low)
{
    /// <summary>The hash of <paramref name="content"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        var halves = MemoryMarshal.Cast<byte, UInt128>(digest);
        return new ContentHash(halves[0], halves[1]);
    }

    /// <summary>The hash of <paramref name="text"/> (its UTF-16 code units).</summary>
    public static ContentHash Of(string text) => Of(MemoryMarshal.AsBytes(text.AsSpan()));
}

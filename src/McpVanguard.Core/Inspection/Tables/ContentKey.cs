using System.Runtime.InteropServices;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// A 64-bit FNV-1a hash: the index key of a table in the image, and the fingerprint of a source file (an embedded rules or
/// lexicon file whose bytes differ from those the image was built from is parsed at run time). Not a defence against a
/// crafted collision, and it needs none: a hit is always confirmed by comparing the whole key, and the image and its sources
/// ship in the same binary.
/// </summary>
internal static class ContentKey
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<byte> bytes, ulong hash = Offset)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    public static ulong Of(ReadOnlySpan<char> text, ulong hash = Offset) => Of(MemoryMarshal.AsBytes(text), hash);

    /// <summary>The key of a pattern with its options.</summary>
    public static ulong Of(string pattern, int options) => Of(pattern.AsSpan(), Of(BitConverter.GetBytes(options)));

    /// <summary>The key of a list of literals (each followed by a separator no literal holds) with the automaton's flags.</summary>
    public static ulong Of(IReadOnlyList<string> literals, int flags)
    {
        var hash = Of(BitConverter.GetBytes(flags));
        ReadOnlySpan<char> separator = ['\uFFFF'];
        foreach (var literal in literals)
        {
            hash = Of(separator, Of(literal.AsSpan(), hash));
        }

        return hash;
    }
}

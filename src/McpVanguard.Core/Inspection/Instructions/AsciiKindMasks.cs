using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Classifies sixteen characters at once into two ASCII sets (the lexicon's word characters and the characters that start
/// a term outside words): each set is two 16-entry nibble tables looked up with one byte shuffle each, as SIMD JSON
/// parsers classify bytes. A set is exact for every ASCII character: the high nibble of an ASCII character is 0–7, so each
/// gets its own bit, and the low-nibble table says, per low nibble, which high nibbles are in the set.
/// </summary>
/// <remarks>
/// Unlike a vectorised skip to a word's end (one call per word, slower than the kind table on source text of ~5-character
/// words), a block costs the same whatever its words: the scan then visits only the set bits of "starts a walk".
/// </remarks>
internal sealed class AsciiKindMasks
{
    /// <summary>Characters per block.</summary>
    public const int Block = 16;

    private readonly Vector128<byte> _wordLow;
    private readonly Vector128<byte> _starterLow;

    /// <param name="isWord">Per ASCII character (128 entries), whether it is in the first set.</param>
    /// <param name="isStarter">The same for the second set.</param>
    public AsciiKindMasks(Func<char, bool> isWord, Func<char, bool> isStarter)
    {
        Span<byte> word = stackalloc byte[16];
        Span<byte> starter = stackalloc byte[16];
        for (var c = (char)0; c < 128; c++)
        {
            var bit = (byte)(1 << (c >> 4));
            if (isWord(c))
            {
                word[c & 0xF] |= bit;
            }

            if (isStarter(c))
            {
                starter[c & 0xF] |= bit;
            }
        }

        _wordLow = Vector128.Create((ReadOnlySpan<byte>)word);
        _starterLow = Vector128.Create((ReadOnlySpan<byte>)starter);
    }

    /// <summary>True where the blocks can be classified at once (the byte shuffle is SSSE3's); elsewhere the scan reads character by character.</summary>
    public static bool IsSupported => Ssse3.IsSupported;

    /// <summary>
    /// Classifies <c>text[at..at + 16]</c>: false when a character of it is not ASCII (the caller reads that block character
    /// by character); otherwise bit i of <paramref name="word"/> / <paramref name="starter"/> says whether <c>text[at + i]</c> is in each set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryClassify(ref char text, int at, out uint word, out uint starter)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref text, at));
        var low = Vector128.LoadUnsafe(ref first);
        var high = Vector128.LoadUnsafe(ref first, 8);
        if (((low | high) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
        {
            word = 0;
            starter = 0;
            return false;
        }

        var bytes = Vector128.Narrow(low, high);
        var lowNibble = bytes & Vector128.Create((byte)0x0F);
        var highBit = Ssse3.Shuffle(Vector128.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0), Vector128.ShiftRightLogical(bytes, 4));
        word = Vector128.Equals(Ssse3.Shuffle(_wordLow, lowNibble) & highBit, Vector128<byte>.Zero).ExtractMostSignificantBits() ^ 0xFFFF;
        starter = Vector128.Equals(Ssse3.Shuffle(_starterLow, lowNibble) & highBit, Vector128<byte>.Zero).ExtractMostSignificantBits() ^ 0xFFFF;
        return true;
    }
}

using System.Buffers;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// A text with its invisible characters removed (zero-width space, joiners, word joiner, BOM, soft hyphen, bidi marks,
/// variation selectors, tag characters), and the way back to where each visible character was. A token split by zero-width
/// characters (<c>ghp_\u200BAbc…</c>) is the same token to whoever copies it; the scanner sees it whole and the mask
/// covers the characters in between.
/// </summary>
internal sealed class VisibleText
{
    /// <summary>
    /// Invisible BMP characters, and the high surrogate of the tag and supplementary variation-selector planes
    /// (U+E0000–E01EF all start with U+DB40).
    /// </summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B\u180C\u180D\u180E\u180F\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E"
        + "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\u3164"
        + "\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F\uFEFF\uFFA0\uDB40");

    private readonly int[] _rawIndex;

    private VisibleText(string text, int[] rawIndex)
    {
        Text = text;
        _rawIndex = rawIndex;
    }

    /// <summary>The visible characters, in order.</summary>
    public string Text { get; }

    /// <summary>True when the first <paramref name="length"/> characters of <paramref name="raw"/> hold an invisible character.</summary>
    /// <remarks>Text below U+00AD (all ASCII) is ruled out by one vectorised range check first.</remarks>
    public static bool HasInvisible(string raw, int length) =>
        raw.AsSpan(0, length).ContainsAnyExceptInRange('\0', '\u00AC') && raw.AsSpan(0, length).ContainsAny(Invisible);

    /// <summary>The visible part of the first <paramref name="length"/> characters of <paramref name="raw"/>.</summary>
    public static VisibleText Of(string raw, int length)
    {
        var chars = new char[length];
        var map = new int[length + 1];
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var c = raw[i];
            if (c == '\uDB40' && i + 1 < length && char.IsLowSurrogate(raw[i + 1]) && raw[i + 1] <= '\uDDEF')
            {
                i++; // U+E0000–E01EF: tags and supplementary variation selectors
                continue;
            }

            if (c != '\uDB40' && Invisible.Contains(c))
            {
                continue;
            }

            chars[n] = c;
            map[n++] = i;
        }

        map[n] = length;
        return new VisibleText(new string(chars, 0, n), map);
    }

    /// <summary>The span of <c>raw</c> that visible characters <paramref name="start"/>..+<paramref name="length"/> came from, invisible ones inside included.</summary>
    public (int Start, int Length) ToRaw(int start, int length)
    {
        var rawStart = _rawIndex[start];
        var rawEnd = length == 0 ? rawStart : _rawIndex[start + length - 1] + 1;
        return (rawStart, rawEnd - rawStart);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace McpVanguard.Inspection.Preflight;

/// <summary>
/// Builds the canonical copies of a string that rules match against, undoing the encodings attackers use to hide a
/// payload (percent-encoding repeated to a fixed point, overlong UTF-8, fullwidth forms, invisible characters).
/// </summary>
public static class StringCanonicalizer
{
    /// <summary>Rounds of percent-decoding; bounded so that a crafted string cannot make decoding loop.</summary>
    public const int MaxDecodeRounds = 4;

    /// <summary>Printable ASCII except <c>%</c>, plus tab, CR and LF: strings made only of these take the fast path.</summary>
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(
        "\t\n\r !\"#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The characters folding changes in a plain string: upper-case ASCII letters and <c>\</c>.</summary>
    private static readonly SearchValues<char> FoldedChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ\\");

    public static ArgumentString Canonicalize(string key, string raw)
    {
        if (IsPlain(raw))
        {
            // Fast path for the common case: printable ASCII without '%': only case and separators change.
            return new ArgumentString(key, raw, raw, FoldPlain(raw), EvasionFlags.None);
        }

        var flags = EvasionFlags.None;
        var decoded = raw;
        var rounds = 0;
        while (rounds < MaxDecodeRounds && decoded.Contains('%'))
        {
            var next = PercentDecode(decoded, ref flags);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
            rounds++;
        }

        if (rounds > 1)
        {
            flags |= EvasionFlags.MultipleEncoding;
        }

        if (TryNormalize(decoded, out var normalized))
        {
            flags |= EvasionFlags.CompatibilityForms;
            decoded = normalized;
        }

        decoded = StripInvisible(decoded, ref flags);
        if (HasMixedScriptWord(decoded))
        {
            flags |= EvasionFlags.MixedScript;
        }

        var canonical = FoldAll(decoded);

        // Stripping invisibles and folding confusables can leave a letter beside a combining mark that NFKC composes
        // ("e\u200B\u0301", Cyrillic "н" + U+0302): one more round makes the canonical form a fixed point, so that the
        // form a detector sees is the form it would see again (found by fuzzing the idempotence of this function).
        if (TryNormalize(canonical, out var recomposed))
        {
            canonical = FoldAll(recomposed);
        }

        return new ArgumentString(key, raw, decoded, canonical, flags);
    }

    private static string FoldAll(string s)
    {
        var folded = Fold(s);
        return ConfusableFolding.MixesScripts(folded) ? ConfusableFolding.Fold(folded) : folded;
    }

    /// <summary>The NFKC form of <paramref name="s"/> when it differs; false for lone surrogates, which cannot be normalised (the invisible stripping handles them).</summary>
    private static bool TryNormalize(string s, out string normalized)
    {
        normalized = s;
        try
        {
            // IsNormalized throws on lone surrogates as Normalize does (found by fuzzing: "%uD800" decodes to one).
            if (s.IsNormalized(NormalizationForm.FormKC))
            {
                return false;
            }

            normalized = s.Normalize(NormalizationForm.FormKC);
            return !string.Equals(normalized, s, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Vectorised scans: a 100 KB file body is checked and folded in a few microseconds instead of char by char.
    private static bool IsPlain(string s) => !s.AsSpan().ContainsAnyExcept(PlainChars);

    private static string FoldPlain(string s) => s.AsSpan().ContainsAny(FoldedChars) ? FoldAscii(s) : s;

    /// <summary><see cref="Fold"/> for a string known to be ASCII: the same result, without a per-character call.</summary>
    private static string FoldAscii(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        Ascii.ToLower(source, span, out _);
        span.Replace('\\', '/');
    });

    private static string Fold(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c == '\\' ? '/' : char.ToLowerInvariant(c);
        }
    });

    /// <summary>Decodes one round of <c>%XX</c> and <c>%uXXXX</c>, accepting overlong UTF-8 the way lax servers do.</summary>
    private static string PercentDecode(string s, ref EvasionFlags flags)
    {
        var bytes = new List<byte>(s.Length);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                bytes.Add((byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2])));
                i += 2;
                continue;
            }

            if (c == '%' && i + 5 < s.Length && (s[i + 1] is 'u' or 'U') && IsHex(s[i + 2]) && IsHex(s[i + 3]) && IsHex(s[i + 4]) && IsHex(s[i + 5]))
            {
                FlushBytes(bytes, sb, ref flags);
                sb.Append((char)((HexValue(s[i + 2]) << 12) | (HexValue(s[i + 3]) << 8) | (HexValue(s[i + 4]) << 4) | HexValue(s[i + 5])));
                flags |= EvasionFlags.NonStandardEncoding;
                i += 5;
                continue;
            }

            FlushBytes(bytes, sb, ref flags);
            sb.Append(c);
        }

        FlushBytes(bytes, sb, ref flags);
        return sb.ToString();
    }

    private static void FlushBytes(List<byte> bytes, StringBuilder sb, ref EvasionFlags flags)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        for (var i = 0; i < bytes.Count; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                continue;
            }

            // Overlong two-byte forms (%c0%ae is '.') decode to ASCII on lax servers, so decode them the same way.
            if (b is 0xC0 or 0xC1 && i + 1 < bytes.Count && (bytes[i + 1] & 0xC0) == 0x80)
            {
                sb.Append((char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
                flags |= EvasionFlags.NonStandardEncoding;
                i++;
                continue;
            }

            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            var end = Math.Min(bytes.Count, i + length);
            var chunk = bytes.GetRange(i, end - i).ToArray();
            sb.Append(Encoding.UTF8.GetString(chunk));
            i = end - 1;
        }

        bytes.Clear();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>True when the character before <paramref name="i"/> is an ASCII letter or digit (a selector there splits a word).</summary>
    private static bool AfterAsciiWord(string s, int i) => i > 0 && char.IsAsciiLetterOrDigit(s[i - 1]);

    private static string StripInvisible(string s, ref EvasionFlags flags)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var width = 1;
            bool drop;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                width = 2;
                var cp = char.ConvertToUtf32(c, s[i + 1]);
                // Unicode tag characters (U+E0000–E007F) smuggle invisible ASCII; only emoji flags (🏴 + tags) use them legitimately.
                var tag = cp is >= 0xE0000 and <= 0xE007F;
                if (tag && !InFlagSequence(s, i))
                {
                    flags |= EvasionFlags.TagCharacters;
                }

                // Supplementary variation selectors (U+E0100–E01EF) are marks, not format characters, but just as invisible.
                var selector = cp is >= 0xE0100 and <= 0xE01EF;
                drop = tag || selector || CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.Format;
                if (selector && !AfterAsciiWord(s, i))
                {
                    sb ??= new StringBuilder(s, 0, i, s.Length);
                    i += width - 1;
                    continue;
                }
            }
            else if (char.IsSurrogate(c))
            {
                drop = true;
            }
            else if (c == '\u0640')
            {
                // The Arabic tatweel (kashida) only stretches a word for typesetting ("تـجـاهـل" is "تجاهل"): dropped, and not an evasion
                // sign, since Arabic typography uses it in ordinary text.
                sb ??= new StringBuilder(s, 0, i, s.Length);
                continue;
            }
            else
            {
                if (c == '\0')
                {
                    flags |= EvasionFlags.NulByte;
                }
                else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007f' and <= '\u009f')
                {
                    flags |= EvasionFlags.ControlCharacter;
                }

                if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                {
                    flags |= EvasionFlags.BidiControl;
                }

                drop = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0';

                // Variation selectors (U+FE00–FE0F) are dropped too: after an emoji (❤️) they are ordinary and not an evasion
                // sign; inside an ASCII word or token (sk-\uFE0Fant-…) they only split it.
                if (c is >= '\uFE00' and <= '\uFE0F')
                {
                    sb ??= new StringBuilder(s, 0, i, s.Length);
                    if (!AfterAsciiWord(s, i) || i + 1 < s.Length && s[i + 1] == '\u20E3')
                    {
                        continue;
                    }

                    drop = true;
                }
            }

            if (drop)
            {
                flags |= EvasionFlags.InvisibleCharacters;
                sb ??= new StringBuilder(s, 0, i, s.Length);
                i += width - 1;
                continue;
            }

            sb?.Append(s, i, width);
            i += width - 1;
        }

        return sb?.ToString() ?? s;
    }

    /// <summary>True when the tag character at <paramref name="index"/> continues a run that starts right after 🏴 (U+1F3F4).</summary>
    private static bool InFlagSequence(string s, int index)
    {
        var i = index;
        while (i >= 2 && char.IsLowSurrogate(s[i - 1]) && char.IsHighSurrogate(s[i - 2]))
        {
            var cp = char.ConvertToUtf32(s[i - 2], s[i - 1]);
            if (cp == 0x1F3F4)
            {
                return true;
            }

            if (cp is < 0xE0000 or > 0xE007F)
            {
                return false;
            }

            i -= 2;
        }

        return false;
    }

    /// <summary>True when one run of letters mixes Latin with Cyrillic or Greek, the usual homoglyph trick.</summary>
    internal static bool HasMixedScriptWord(string s)
    {
        var latin = false;
        var other = false;
        foreach (var c in s)
        {
            if (!char.IsLetter(c))
            {
                latin = other = false;
                continue;
            }

            if (c < '\u0250')
            {
                latin = true;
            }
            else if (c is >= '\u0370' and <= '\u052F')
            {
                other = true;
            }

            if (latin && other)
            {
                return true;
            }
        }

        return false;
    }
}

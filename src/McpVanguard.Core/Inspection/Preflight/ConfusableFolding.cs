using System.Collections.Frozen;

namespace McpVanguard.Inspection.Preflight;

/// <summary>
/// Maps Cyrillic and Greek letters that look like Latin ones to their Latin twins, so that <c>/еtc/ѕhadow</c> written
/// with Cyrillic letters canonicalises to <c>/etc/shadow</c>. Applied only to text that already mixes the scripts.
/// </summary>
internal static class ConfusableFolding
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        // Cyrillic (lower case; input is lower-cased first)
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd',
        ['һ'] = 'h', ['ӏ'] = 'l', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ь'] = 'b', ['ɡ'] = 'g',

        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['ϲ'] = 'c', ['ϳ'] = 'j', ['ω'] = 'w', ['μ'] = 'u',
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="s"/> holds Latin letters and Cyrillic or Greek ones.</summary>
    public static bool MixesScripts(string s)
    {
        bool latin = false, other = false;
        foreach (var c in s)
        {
            latin |= char.IsAsciiLetter(c);
            other |= c is >= '\u0370' and <= '\u052F';
            if (latin && other)
            {
                return true;
            }
        }

        return false;
    }

    public static string Fold(string lowerCased)
        => string.Create(lowerCased.Length, lowerCased, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map.TryGetValue(source[i], out var latin) ? latin : source[i];
            }
        });
}

using System.Globalization;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A character class of a phrase program: explicit ranges plus the <c>\s</c>, <c>\w</c> and <c>\d</c> classes, possibly
/// negated, with the members .NET's regex engines give them (checked for every UTF-16 code unit by a test).
/// </summary>
/// <param name="Ranges">Pairs of characters, each an inclusive range.</param>
internal sealed record PhraseClass(string Ranges, bool Space, bool Word, bool Digit, bool Negated)
{
    /// <summary>Every character <c>\s</c> matches (what <see cref="char.IsWhiteSpace(char)"/> accepts).</summary>
    public static readonly string WhiteSpace = string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace));

    public bool Contains(char c)
    {
        var member = (Space && char.IsWhiteSpace(c)) || (Word && IsWordChar(c)) || (Digit && char.IsDigit(c));
        for (var i = 0; !member && i + 1 < Ranges.Length; i += 2)
        {
            member = c >= Ranges[i] && c <= Ranges[i + 1];
        }

        return member != Negated;
    }

    /// <summary>The characters of the class when it is a small explicit set (no negation, no <c>\w</c>/<c>\d</c>); null otherwise.</summary>
    public string? Members()
    {
        if (Negated || Word || Digit)
        {
            return null;
        }

        var members = Space ? WhiteSpace : string.Empty;
        for (var i = 0; i + 1 < Ranges.Length; i += 2)
        {
            if (Ranges[i + 1] - Ranges[i] > 256)
            {
                return null;
            }

            for (var c = Ranges[i]; c <= Ranges[i + 1]; c++)
            {
                members += c;
            }
        }

        return members;
    }

    /// <summary><c>\w</c> as .NET's regex engines define it: letters, non-spacing marks, decimal digits, connector punctuation.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }
}

using System.Text;
using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The string canonicaliser every detector reads through (percent decoding, NFKC, invisible stripping, case and confusable
/// folding). Oracle: it never throws, and canonicalising a canonical form changes nothing once no <c>%</c> is left to
/// decode (decoding is bounded to <see cref="StringCanonicalizer.MaxDecodeRounds"/> rounds on purpose).
/// </summary>
internal sealed class CanonicalTarget : IFuzzTarget
{
    public string Name => "canonical";

    public void Run(ReadOnlySpan<byte> input)
    {
        // UTF-16 straight from the bytes, so lone surrogates and every code unit are reachable, not only valid UTF-8.
        var text = input.Length % 2 == 0 && input.Length > 0 && input[0] == 0xFF
            ? new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(input[1..^1]))
            : Encoding.UTF8.GetString(input);
        var once = StringCanonicalizer.Canonicalize("value", text);
        if (once.Canonical.Contains('%'))
        {
            return;
        }

        var twice = StringCanonicalizer.Canonicalize("value", once.Canonical);
        if (!string.Equals(once.Canonical, twice.Canonical, StringComparison.Ordinal))
        {
            throw new InvariantBrokenException($"Canonicalisation is not idempotent: '{Escape(once.Canonical)}' became '{Escape(twice.Canonical)}'.");
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 200 ? s[..200] : s)
        {
            sb.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return sb.ToString();
    }
}

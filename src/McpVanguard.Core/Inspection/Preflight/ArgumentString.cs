namespace McpVanguard.Inspection.Preflight;

/// <summary>One string value of a message with the canonical copies rules match against.</summary>
/// <param name="Key">The nearest property name above the value (for array items, the array's property).</param>
/// <param name="Raw">The value as sent.</param>
/// <param name="Decoded">Percent-decoded to a fixed point, NFKC-normalised, invisible characters removed; case kept.</param>
/// <param name="Canonical"><paramref name="Decoded"/> with <c>\</c> folded to <c>/</c> and lower-cased: what rules see.</param>
/// <param name="Flags">Evasion signs found while canonicalising.</param>
public sealed record ArgumentString(string Key, string Raw, string Decoded, string Canonical, EvasionFlags Flags);

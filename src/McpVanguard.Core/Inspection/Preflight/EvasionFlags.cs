namespace McpVanguard.Inspection.Preflight;

/// <summary>Signs that a string was shaped to slip past matching; each is itself a finding.</summary>
[Flags]
public enum EvasionFlags
{
    None = 0,

    /// <summary>Percent-encoding had to be decoded more than once (double encoding).</summary>
    MultipleEncoding = 1,

    /// <summary>Overlong UTF-8 or <c>%uXXXX</c> forms were decoded.</summary>
    NonStandardEncoding = 2,

    /// <summary>Invisible, bidi-control or Unicode tag characters were removed.</summary>
    InvisibleCharacters = 4,

    /// <summary>One word mixes Latin with Cyrillic or Greek letters (homoglyphs).</summary>
    MixedScript = 8,

    /// <summary>A NUL character (raw or encoded).</summary>
    NulByte = 16,

    /// <summary>Another C0/C1 control character other than tab, CR and LF.</summary>
    ControlCharacter = 32,

    /// <summary>NFKC changed the text (fullwidth or compatibility forms).</summary>
    CompatibilityForms = 64,

    /// <summary>Unicode tag characters outside an emoji flag sequence: ASCII text hidden from people but read by models.</summary>
    TagCharacters = 128,

    /// <summary>Bidi overrides or isolates (U+202A–202E, U+2066–2069) that make text display in another order (Trojan Source).</summary>
    BidiControl = 256,
}

using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Tests.Inspection.Preflight;

public sealed class StringCanonicalizerTests
{
    [Theory]
    [InlineData("%2e%2e%2fetc%2fpasswd", "../etc/passwd")]
    [InlineData("%252e%252e%252fetc", "../etc")]
    [InlineData("%25252e%25252e", "..")]
    [InlineData("%c0%ae%c0%ae/etc", "../etc")]
    [InlineData("%u002e%u002e/etc", "../etc")]
    [InlineData("．．／etc／passwd", "../etc/passwd")]
    [InlineData("/etc/pa\u200bss\u2060wd", "/etc/passwd")]
    [InlineData("C:\\Users\\Bob\\.SSH\\id_rsa", "c:/users/bob/.ssh/id_rsa")]
    [InlineData("/etc/p\U000E0061sswd", "/etc/psswd")]
    public void Canonical_copies_undo_encodings(string raw, string canonical)
        => Assert.Equal(canonical, StringCanonicalizer.Canonicalize("path", raw).Canonical);

    [Theory]
    [InlineData("%252e%252e%252f", EvasionFlags.MultipleEncoding)]
    [InlineData("%c0%ae%c0%ae/", EvasionFlags.NonStandardEncoding)]
    [InlineData("a\u200bb", EvasionFlags.InvisibleCharacters)]
    [InlineData("p\u0430ypal", EvasionFlags.MixedScript)]
    [InlineData("a\u0000b", EvasionFlags.NulByte)]
    [InlineData("a%00b", EvasionFlags.NulByte)]
    [InlineData("a\u001bb", EvasionFlags.ControlCharacter)]
    public void Evasion_is_flagged(string raw, EvasionFlags flag)
        => Assert.True(StringCanonicalizer.Canonicalize("k", raw).Flags.HasFlag(flag));

    [Theory]
    [InlineData("docs/password-reset-flow.md")]
    [InlineData("Grüße aus München")]
    [InlineData("Привет мир")]
    [InlineData("100% done, 50%+ faster")]
    [InlineData("https://example.com/search?q=a%20b")]
    [InlineData("line one\nline two\ttabbed")]
    public void Everyday_text_carries_no_evasion_flags(string raw)
        => Assert.Equal(EvasionFlags.None, StringCanonicalizer.Canonicalize("k", raw).Flags & ~EvasionFlags.CompatibilityForms);

    [Fact]
    public void Decoding_is_bounded_even_for_deeply_nested_encodings()
    {
        var s = "%2e";
        for (var i = 0; i < 50; i++)
        {
            s = s.Replace("%", "%25");
        }

        var result = StringCanonicalizer.Canonicalize("k", s);
        Assert.Contains("%", result.Decoded);
        Assert.True(result.Flags.HasFlag(EvasionFlags.MultipleEncoding));
    }
}

public sealed class ConfusableFoldingTests
{
    [Theory]
    [InlineData("/\u0435tc/\u0455hadow", "/etc/shadow")]
    [InlineData("c\u0430t /etc/passwd", "cat /etc/passwd")]
    public void Mixed_script_text_folds_homoglyphs_to_latin(string raw, string canonical)
        => Assert.Equal(canonical, StringCanonicalizer.Canonicalize("path", raw).Canonical);

    [Fact]
    public void Text_in_one_non_latin_script_is_left_alone()
        => Assert.Equal("привет мир", StringCanonicalizer.Canonicalize("text", "Привет мир").Canonical);
}

public sealed class HiddenCharacterTests
{
    [Fact]
    public void Tag_characters_hiding_ascii_are_flagged_but_an_emoji_flag_is_not()
    {
        var hidden = "Summary looks good." + string.Concat("ignore".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        Assert.True(StringCanonicalizer.Canonicalize("content", hidden).Flags.HasFlag(EvasionFlags.TagCharacters));

        var scotland = "Go \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F team";
        Assert.False(StringCanonicalizer.Canonicalize("content", scotland).Flags.HasFlag(EvasionFlags.TagCharacters));
    }

    [Fact]
    public void Bidi_overrides_are_flagged_and_removed()
    {
        var s = StringCanonicalizer.Canonicalize("path", "invoices/report\u202Efdp.exe");
        Assert.True(s.Flags.HasFlag(EvasionFlags.BidiControl));
        Assert.Equal("invoices/reportfdp.exe", s.Canonical);
    }
}

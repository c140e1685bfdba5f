using System.Security.Cryptography;
using System.Text;
using McpVanguard.Audit;

namespace McpVanguard.Tests.Audit;

public sealed class AuditFieldBoundsTests
{
    // Shaped like a real GitHub token (ghp_ + 36 mixed characters); not a live credential.
    private const string GitHubToken = "ghp_Zx81Kq7Lm2Np4Rt6Vw9Yb3Cd5Ef7Gh0Jk2Ab";

    private static AuditRecord Record(string? id = "1", string? method = "tools/call", string? tool = "read_file", string? reason = "Read of /etc/shadow", string session = "s1", string server = "default") => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Session = session,
        ServerId = server,
        Direction = "agent_to_server",
        Method = method,
        Tool = tool,
        RequestId = id,
        Verdict = "block",
        RuleIds = ["PATH-016"],
        Reason = reason,
    };

    [Fact]
    public void A_short_clean_record_is_returned_as_is()
    {
        var record = Record();
        Assert.Same(record, AuditFieldBounds.Apply(record));
    }

    [Fact]
    public void Withheld_tool_names_are_bounded_masked_and_escaped_like_the_other_server_chosen_fields()
    {
        var record = Record() with { Withheld = ["fetch_weather", new string('t', 5000), $"get-{GitHubToken}", "bad\u202Ename"] };

        var withheld = AuditFieldBounds.Apply(record).Withheld!;

        Assert.Equal("fetch_weather", withheld[0]);
        Assert.StartsWith(new string('t', AuditFieldBounds.MaxWithheldNameChars) + "…[truncated: 5000 chars", withheld[1], StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, withheld[2], StringComparison.Ordinal);
        Assert.Equal("bad\\u202Ename", withheld[3]);
    }

    [Fact]
    public void A_record_with_clean_withheld_names_is_returned_as_is()
    {
        var record = Record() with { Withheld = ["fetch_weather", "send_mail"] };
        Assert.Same(record, AuditFieldBounds.Apply(record));
    }

    [Fact]
    public void A_3_MB_id_is_cut_to_the_cap_with_its_length_and_the_hash_of_the_whole_value()
    {
        var id = "\"" + new string('x', 3 * 1024 * 1024) + "\"";
        var bounded = AuditFieldBounds.Apply(Record(id: id)).RequestId!;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        Assert.True(bounded.Length < AuditFieldBounds.MaxIdentifierChars + 150, $"{bounded.Length} chars");
        Assert.StartsWith(id[..AuditFieldBounds.MaxIdentifierChars], bounded, StringComparison.Ordinal);
        Assert.Contains($"{id.Length} chars", bounded, StringComparison.Ordinal);
        Assert.Contains(hash, bounded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("method")]
    [InlineData("tool")]
    [InlineData("reason")]
    [InlineData("server")]
    [InlineData("session")]
    public void A_token_placed_in_any_agent_controlled_field_is_masked(string field)
    {
        var value = $"call-{GitHubToken}-x";
        var record = field switch
        {
            "id" => Record(id: $"\"{value}\""),
            "method" => Record(method: value),
            "tool" => Record(tool: value),
            "reason" => Record(reason: $"blocked: {value}"),
            "server" => Record(server: value),
            _ => Record(session: value),
        };

        var bounded = AuditFieldBounds.Apply(record);
        var all = string.Join('|', bounded.RequestId, bounded.Method, bounded.Tool, bounded.Reason, bounded.ServerId, bounded.Session);
        Assert.DoesNotContain(GitHubToken, all, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github-token]", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_straddling_the_cut_is_masked_not_half_kept()
    {
        var id = new string('a', AuditFieldBounds.MaxIdentifierChars - 10) + " " + GitHubToken + new string('b', 5000);
        var bounded = AuditFieldBounds.Bound(id, AuditFieldBounds.MaxIdentifierChars)!;
        Assert.DoesNotContain("ghp_Zx81", bounded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get_token_count")]
    [InlineData("secrets/list")]
    [InlineData("\"req-42\"")]
    [InlineData("create_api_key_for_user")]
    public void Ordinary_names_that_talk_about_secrets_are_kept(string value)
        => Assert.Same(value, AuditFieldBounds.Bound(value, AuditFieldBounds.MaxIdentifierChars));

    [Fact]
    public void Control_and_bidi_characters_are_kept_as_visible_escapes()
        => Assert.Equal("a\\nb\\u202Ec", AuditFieldBounds.Bound("a\nb\u202Ec", AuditFieldBounds.MaxIdentifierChars));

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        var id = new string('a', AuditFieldBounds.MaxIdentifierChars - 1) + "🙂🙂🙂";
        var bounded = AuditFieldBounds.Bound(id, AuditFieldBounds.MaxIdentifierChars)!;
        Assert.False(char.IsHighSurrogate(bounded[bounded.IndexOf('…') - 1]));
    }
}

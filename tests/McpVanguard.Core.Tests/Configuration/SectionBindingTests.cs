using McpVanguard.Configuration;

namespace McpVanguard.Core.Tests.Configuration;

/// <summary>servers: and access: are bound at load with every error collected; secrets never reach messages.</summary>
public sealed class SectionBindingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-sections-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private VanguardOptions Load(string yaml)
    {
        var file = Path.Combine(_folder, "vanguard.yaml");
        File.WriteAllText(file, yaml);
        return ConfigurationLoader.Load(new Dictionary<string, object>(), new Dictionary<string, string>(), file, []);
    }

    [Fact]
    public void Every_error_of_every_section_is_reported_at_once_with_line_and_column()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            profle: strict
            audit:
              max_files: 0
            servers:
              - id: a
                command: x
                urls: http://h/mcp
              - id: a
                command: y
            access:
              defualt: allow
            """));

        Assert.Equal(5, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.EndsWith("vanguard.yaml:1:1: unknown key 'profle' (did you mean 'profile'?).", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:3:14: key 'audit.max_files' must be a whole number from 1 to 100", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:7:5: unknown key 'servers.urls' (did you mean 'url'?)", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:8:5: server id 'a' is used twice", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:11:3: unknown key 'access.defualt' (did you mean 'default'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_given_a_value_says_what_goes_inside_it()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            telemetry: on
            audit: true
            """));

        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:1:1: 'telemetry' is a section, not a value: put its keys under it (", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:2:1: 'audit' is a section, not a value", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Errors, e => e.Contains("did you mean 'telemetry'", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_sections_are_bound_into_records()
    {
        var options = Load("""
            servers:
              - id: files
                command: npx -y server /srv
            access:
              rules:
                - principals: [key:ci]
                  allow_tools: [echo]
            """);

        var server = Assert.Single(options.Servers);
        Assert.Equal(["npx", "-y", "server", "/srv"], server.Command);
        Assert.EndsWith("vanguard.yaml:2:5", server.Location, StringComparison.Ordinal);
        Assert.False(options.Access!.DefaultAllow);
        Assert.Single(options.Access.Rules);
    }

    [Fact]
    public void An_unrelated_word_gets_no_suggestion()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("spaceship: on\n"));
        Assert.DoesNotContain("did you mean", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_url_does_not_echo_its_token()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("servers:\n  - id: r\n    url: ftp://u:secretpw@h/x?token=sk-abc\n"));
        Assert.DoesNotContain("secretpw", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-abc", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://u:p@h.example/mcp?k=v", "https://h.example/mcp?****")]
    [InlineData("https://h.example/mcp", "https://h.example/mcp")]
    public void Urls_lose_user_info_and_query(string url, string expected) => Assert.Equal(expected, SecretMask.Url(url));
}

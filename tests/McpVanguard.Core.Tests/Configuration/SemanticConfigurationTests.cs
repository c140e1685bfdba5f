using McpVanguard.Configuration;

namespace McpVanguard.Tests.Configuration;

/// <summary>The <c>semantic:</c> section: bound from file and environment, validated at load with the source of each bad value.</summary>
public sealed class SemanticConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-semantic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_dir, "vanguard.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static VanguardOptions Load(Dictionary<string, string>? env = null, string? file = null)
        => ConfigurationLoader.Load(new Dictionary<string, object>(), env ?? [], file, []);

    [Fact]
    public void By_default_L2_is_enabled_for_the_embedded_model_only_and_scores_what_is_uncertain()
    {
        var s = Load().Semantic;

        Assert.True(s.Enabled);
        Assert.Equal("embedded", s.SelectedProvider);
        Assert.Equal(SemanticScope.Uncertain, s.Scope);
        Assert.Null(s.Threshold); // auto: the scorer's own calibrated point
        Assert.Equal(TimeSpan.FromSeconds(3), s.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), s.LoadTimeout);
        Assert.Empty(s.Always);
    }

    [Fact]
    public void The_section_binds_from_the_file()
    {
        var file = WriteConfig("""
            semantic:
              provider: ollama
              ollama_url: http://127.0.0.1:11434
              model: qwen2.5
              scope: all
              threshold: 0.85
              timeout_ms: 1500
              load_timeout_ms: 90000
              cache_size: 100
              cache_ttl_s: 60
              max_chars: 2000
              always: [send_email, sampling/createMessage]
            """);

        var s = Load(file: file).Semantic;

        Assert.Equal(("ollama", "qwen2.5", SemanticScope.All, 0.85), (s.SelectedProvider, s.Model, s.Scope, s.Threshold));
        Assert.Equal((TimeSpan.FromMilliseconds(1500), 100, TimeSpan.FromMinutes(1), 2000), (s.Timeout, s.CacheSize, s.CacheTtl, s.MaxChars));
        Assert.Equal(["send_email", "sampling/createMessage"], s.Always);
        Assert.Equal(TimeSpan.FromSeconds(90), s.LoadTimeout);
    }

    [Fact]
    public void Scope_cued_selects_the_narrower_cascade()
    {
        Assert.Equal(SemanticScope.Cued, Load(new() { ["VANGUARD_SEMANTIC_SCOPE"] = "cued" }).Semantic.Scope);
    }

    [Fact]
    public void The_first_configured_provider_wins_custom_then_openai_then_ollama_unless_one_is_named()
    {
        var all = new Dictionary<string, string>
        {
            ["VANGUARD_SEMANTIC_CUSTOM_URL"] = "http://127.0.0.1:9/v1",
            ["VANGUARD_SEMANTIC_CUSTOM_MODEL"] = "m",
            ["VANGUARD_OPENAI_API_KEY"] = "sk-1",
            ["VANGUARD_OLLAMA_URL"] = "http://127.0.0.1:11434",
        };
        Assert.Equal("custom", Load(all).Semantic.SelectedProvider);
        Assert.Equal("openai", Load(new(all.Where(kv => !kv.Key.Contains("CUSTOM", StringComparison.Ordinal)))).Semantic.SelectedProvider);
        Assert.Equal("ollama", Load(new(all) { ["VANGUARD_SEMANTIC_PROVIDER"] = "ollama" }).Semantic.SelectedProvider);
        Assert.Null(Load(new(all) { ["VANGUARD_SEMANTIC_ENABLED"] = "false" }).Semantic.SelectedProvider);
        Assert.Equal("env:VANGUARD_OPENAI_API_KEY", Load(all).Sources[ConfigurationKeys.SemanticOpenAiKey]);
    }

    [Fact]
    public void Bad_values_are_reported_together_with_file_and_line()
    {
        var file = WriteConfig("""
            semantic:
              scope: everything
              threshold: 1.5
              timeout_ms: 5
              custom_url: ftp://judge.example.com/v1?key=secret
              load_timeout_ms: 500
            """);

        var error = Assert.Throws<ConfigurationException>(() => Load(file: file));

        Assert.Contains(error.Errors, e => e.StartsWith(file + ":2:", StringComparison.Ordinal) && e.Contains("semantic.scope", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith(file + ":3:", StringComparison.Ordinal) && e.Contains("semantic.threshold", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith(file + ":4:", StringComparison.Ordinal) && e.Contains("semantic.timeout_ms", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith(file + ":5:", StringComparison.Ordinal) && e.Contains("semantic.custom_url", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith(file + ":6:", StringComparison.Ordinal) && e.Contains("semantic.load_timeout_ms", StringComparison.Ordinal));

        // The URL's query may hold a key: only its masked form is printed.
        Assert.DoesNotContain(error.Errors, e => e.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("needs a model", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_provider_that_is_not_configured_is_a_start_up_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(new() { ["VANGUARD_SEMANTIC_PROVIDER"] = "openai" }));

        Assert.Contains(error.Errors, e => e.StartsWith("env:VANGUARD_SEMANTIC_PROVIDER", StringComparison.Ordinal) && e.Contains("VANGUARD_OPENAI_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_in_the_section_gets_a_suggestion()
    {
        var file = WriteConfig("semantic:\n  treshold: 0.5\n");

        var error = Assert.Throws<ConfigurationException>(() => Load(file: file));

        Assert.Contains(error.Errors, e => e.Contains("semantic.treshold", StringComparison.Ordinal) && e.Contains("semantic.threshold", StringComparison.Ordinal));
    }
}

using McpVanguard.Configuration;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_dir, "vanguard.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static VanguardOptions Load(Dictionary<string, object>? cli = null, Dictionary<string, string>? env = null, string? file = null, List<string>? warnings = null)
        => ConfigurationLoader.Load(cli ?? [], env ?? [], file, warnings ?? []);

    [Fact]
    public void Defaults_are_balanced_with_no_safe_zone()
    {
        var o = Load();
        Assert.Equal(Profile.Balanced, o.Profile);
        Assert.Empty(o.SafeZones);
        Assert.Equal("default", o.Sources["profile"]);
    }

    [Fact]
    public void Command_line_beats_environment_beats_file_beats_profile_beats_default()
    {
        var file = WriteConfig("profile: strict\nlimits:\n  max_depth: 40\n  max_strings: 500\naudit:\n  allows: true\n");
        var env = new Dictionary<string, string> { ["VANGUARD_LIMITS_MAX_DEPTH"] = "50", ["VANGUARD_LIMITS_MAX_STRINGS"] = "600" };
        var cli = new Dictionary<string, object> { ["limits.max_depth"] = "60" };
        var o = Load(cli, env, file);

        Assert.Equal(Profile.Strict, o.Profile);
        Assert.Equal(60, o.Limits.MaxDepth);
        Assert.Equal("command line", o.Sources["limits.max_depth"]);
        Assert.Equal(600, o.Limits.MaxStrings);
        Assert.Equal("env:VANGUARD_LIMITS_MAX_STRINGS", o.Sources["limits.max_strings"]);
        Assert.True(o.AuditAllows);
        Assert.Equal(file, o.Sources["audit.allows"]);

        // Strict lowers the message size limit; nothing else set it.
        Assert.Equal(1024 * 1024, o.Limits.MaxMessageBytes);
        Assert.Equal("profile:strict", o.Sources["limits.max_message_bytes"]);
    }

    [Fact]
    public void An_unknown_key_in_the_file_is_an_error_naming_the_key_and_the_file()
    {
        var file = WriteConfig("profile: balanced\nlimits:\n  max_dept: 3\n");
        var ex = Assert.Throws<ConfigurationException>(() => Load(file: file));
        Assert.Contains("limits.max_dept", ex.Message);
        Assert.Contains(file, ex.Message);
    }

    [Fact]
    public void An_unknown_value_is_an_error_naming_the_key_and_its_source()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load(env: new() { ["VANGUARD_PROFILE"] = "paranoid" }));
        Assert.Contains("profile", ex.Message);
        Assert.Contains("VANGUARD_PROFILE", ex.Message);

        var file = WriteConfig("limits:\n  max_depth: lots\n");
        var ex2 = Assert.Throws<ConfigurationException>(() => Load(file: file));
        Assert.Contains("limits.max_depth", ex2.Message);
        Assert.Contains(file, ex2.Message);
    }

    [Fact]
    public void Vanguard_mode_audit_means_the_monitor_profile()
    {
        var o = Load(env: new() { ["VANGUARD_MODE"] = "audit" });
        Assert.Equal(Profile.Monitor, o.Profile);
        Assert.Equal("env:VANGUARD_MODE", o.Sources["profile"]);
        Assert.Throws<ConfigurationException>(() => Load(env: new() { ["VANGUARD_MODE"] = "sometimes" }));
    }

    [Fact]
    public void Safe_zones_are_normalised_absolute_paths_and_env_lists_split_on_the_path_separator()
    {
        var o = Load(env: new() { ["VANGUARD_SAFE_ZONES"] = $"{_dir}/a/../b/{Path.PathSeparator}{_dir}/c" });
        Assert.Equal([Path.Combine(_dir, "b"), Path.Combine(_dir, "c")], o.SafeZones);
    }

    [Fact]
    public void Unknown_vanguard_variables_are_reported_not_silently_used()
    {
        var warnings = new List<string>();
        Load(env: new() { ["VANGUARD_PROFIEL"] = "strict" }, warnings: warnings);
        Assert.Contains(warnings, w => w.Contains("VANGUARD_PROFIEL"));
    }

    [Fact]
    public void A_missing_explicit_config_file_is_an_error()
        => Assert.Throws<ConfigurationException>(() => Load(file: Path.Combine(_dir, "nope.yaml")));
}

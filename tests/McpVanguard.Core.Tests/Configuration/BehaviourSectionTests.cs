using McpVanguard.Configuration;

namespace McpVanguard.Core.Tests.Configuration;

/// <summary>The behaviour: section (L3) is bound at load: values replace defaults, bad ones are errors with file:line:column.</summary>
public sealed class BehaviourSectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-behaviour-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private VanguardOptions Load(string yaml)
    {
        var file = Path.Combine(_folder, "vanguard.yaml");
        File.WriteAllText(file, yaml);
        return ConfigurationLoader.Load(new Dictionary<string, object>(), new Dictionary<string, string>(), file, []);
    }

    [Fact]
    public void Values_replace_the_defaults_and_absent_keys_keep_them()
    {
        var b = Load("""
            behaviour:
              numbered_reads: 12
              egress_window_s: 60
              prefix: team-a
            """).Behaviour;

        Assert.Equal(12, b.NumberedReads);
        Assert.Equal(TimeSpan.FromMinutes(1), b.EgressWindow);
        Assert.Equal("team-a", b.Prefix);
        Assert.Equal(new McpVanguard.Inspection.Behaviour.BehaviourSettings().LoopRepeats, b.LoopRepeats);
        Assert.True(b.Enabled);
    }

    [Fact]
    public void Bad_values_and_unknown_keys_are_all_reported_with_their_place()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            behaviour:
              numbered_read: 12
              loop_repeats: 1
              enabled: maybe
              prefix: "a b"
            """));

        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:2:3: unknown key 'behaviour.numbered_read' (did you mean 'numbered_reads'?)", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:3:17: key 'behaviour.loop_repeats' must be a whole number from 2", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:4:12: 'behaviour.enabled' must be true or false", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("vanguard.yaml:5:11: 'behaviour.prefix'", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_behaviour_composes_no_stage()
    {
        var options = Load("behaviour: {enabled: false}");
        Assert.False(options.Behaviour.Enabled);
        Assert.Same(McpVanguard.Inspection.InspectionStages.None, McpVanguard.Inspection.Behaviour.BehaviourStage.Stages(options.Behaviour, TimeProvider.System));
    }
}

namespace McpVanguard.Fuzz.Tests;

/// <summary>
/// Replays the saved fuzz inputs (fuzz/seeds: the starting corpus; fuzz/findings: every crash and hang the fuzzer found,
/// each fixed) through the fuzz targets' own entry points and oracles, without instrumentation, so that a fixed bug stays
/// fixed. The long coverage-guided runs are scripts/fuzz.sh, outside the default suite.
/// </summary>
public sealed class SavedInputTests(FuzzTargetCache targets) : IClassFixture<FuzzTargetCache>
{
    public static TheoryData<string, string> Findings() => Inputs("findings");

    public static TheoryData<string, string> Seeds() => Inputs("seeds");

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_saved_finding_no_longer_breaks_its_target(string target, string file)
        => targets.Get(target).Run(File.ReadAllBytes(Path.Combine(FuzzRoot, file)));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_passes_its_target(string target, string file)
        => targets.Get(target).Run(File.ReadAllBytes(Path.Combine(FuzzRoot, file)));

    [Fact]
    public void Every_target_has_seeds()
    {
        foreach (var name in FuzzTargets.Names)
        {
            var folder = Path.Combine(FuzzRoot, "seeds", name);
            Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), $"no seeds for {name} in {folder}");
        }
    }

    [Fact]
    public void An_unknown_target_name_is_refused()
        => Assert.Throws<ArgumentException>(() => FuzzTargets.Create("no-such-target"));

    private static string FuzzRoot { get; } = FindFuzzRoot();

    private static TheoryData<string, string> Inputs(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in FuzzTargets.Names)
        {
            var folder = Path.Combine(FuzzRoot, kind, name);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(name, Path.GetRelativePath(FuzzRoot, file));
            }
        }

        return data;
    }

    private static string FindFuzzRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpVanguard.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root (McpVanguard.slnx) not found above " + AppContext.BaseDirectory), "fuzz");
    }
}

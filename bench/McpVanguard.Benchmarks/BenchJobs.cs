using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace McpVanguard.Benchmarks;

/// <summary>The jobs the benchmarks run: short (3 warm-up, 10 measured iterations) so that a full run takes minutes.</summary>
public static class BenchJobs
{
    private static Job Short => Job.Default.WithWarmupCount(3).WithIterationCount(10);

    /// <summary>
    /// The GC settings of the shipped <c>vanguard</c> (its runtimeconfig sets <c>System.GC.LOHThreshold</c> to 4 MiB). The
    /// generated benchmark program does not inherit runtimeconfig options, so the same value is passed as the
    /// equivalent environment variable (GC variables are hexadecimal).
    /// </summary>
    public static Job Vanguard { get; } = Short.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x400000")).WithId("vanguard-gc");

    /// <summary>
    /// The runtime's default GC settings (objects of 85,000 bytes or more go to the large object heap). Set explicitly,
    /// because BenchmarkDotNet copies the project's runtimeconfig options (the 4 MiB threshold) into the generated program.
    /// </summary>
    public static Job DefaultGc { get; } = Short.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x14C08")).WithId("default-gc");
}

/// <summary>Runs a benchmark class under <see cref="BenchJobs.Vanguard"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class VanguardJobAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Vanguard);
}

/// <summary>Runs a benchmark class under both GC settings, to show what the large-object threshold is worth.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GcComparisonJobsAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Vanguard).AddJob(BenchJobs.DefaultGc);
}

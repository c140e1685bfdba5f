using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/McpVanguard.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/McpVanguard.Benchmarks -- startup   (cold start-up phases, one fresh process)
if (args is ["startup"])
{
    McpVanguard.Benchmarks.StartupProbe.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

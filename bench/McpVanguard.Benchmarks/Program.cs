using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/McpVanguard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

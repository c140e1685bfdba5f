// Every test starts real processes (dotnet, node); on a shared 2-core machine running them one at a
// time keeps the suite predictable and well inside its time budget.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

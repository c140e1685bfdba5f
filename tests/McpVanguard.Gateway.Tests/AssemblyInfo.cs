// Every test starts real processes (node) behind a real Kestrel; on a shared 2-core machine running them one at a time
// keeps the suite predictable.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

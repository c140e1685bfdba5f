namespace McpVanguard.Replay;

/// <summary>Scores of a replay run for one category (or all): catches, misses, false positives and latency.</summary>
public sealed record ReplayScore(string Category, int Cases, int Attacks, int Caught, int Missed, int Benign, int FalsePositives, double LatencyP50, double LatencyP95)
{
    public double Recall => Attacks == 0 ? 1 : (double)Caught / Attacks;

    public double Precision => Caught + FalsePositives == 0 ? 1 : (double)Caught / (Caught + FalsePositives);

    public double FalsePositiveRate => Benign == 0 ? 0 : (double)FalsePositives / Benign;

    public static ReplayScore Of(string category, IReadOnlyList<ReplayResult> results)
    {
        var attacks = results.Count(r => r.Case.ExpectBlock);
        // An attack is caught only where the case says: a case whose step expectation failed is a miss even if blocked.
        var caught = results.Count(r => r.Case.ExpectBlock && r.Correct);
        var benign = results.Count - attacks;
        var fps = results.Count(r => !r.Case.ExpectBlock && r.Blocked);
        var latencies = results.Select(r => r.ElapsedMicroseconds).Order().ToArray();
        return new ReplayScore(category, results.Count, attacks, caught, attacks - caught, benign, fps, Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A whole replay run: the total and one score per category, in first-seen order.</summary>
public sealed record ReplayReport(ReplayScore Total, IReadOnlyList<ReplayScore> Categories)
{
    public static ReplayReport Of(IReadOnlyList<ReplayResult> results)
        => new(
            ReplayScore.Of("all", results),
            results.GroupBy(r => r.Case.Category).Select(g => ReplayScore.Of(g.Key, g.ToList())).ToList());
}

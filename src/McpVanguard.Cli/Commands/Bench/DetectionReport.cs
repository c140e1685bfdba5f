using McpVanguard.Replay;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>Attack cases of one MCP-38 category under one profile, and how many were blocked.</summary>
internal sealed record ThreatScore(string Category, int Attacks, int Caught)
{
    public double Recall => Attacks == 0 ? 0 : (double)Caught / Attacks;
}

/// <summary>Benign cases of one set (their <c>benign-…</c> category) and how many were wrongly blocked.</summary>
internal sealed record BenignScore(string Set, int Cases, int FalsePositives)
{
    public double Rate => Cases == 0 ? 0 : (double)FalsePositives / Cases;
}

/// <summary>A case decided wrongly: an attack let through or a benign case blocked.</summary>
internal sealed record CaseOutcome(string File, string Id, string Category, string Verdict, IReadOnlyList<string> Rules);

/// <summary>What one profile caught and wrongly blocked, per category and benign set, with every wrong case.</summary>
internal sealed record ProfileDetection(string Profile, IReadOnlyList<ThreatScore> Threats, IReadOnlyList<BenignScore> Benign, IReadOnlyList<CaseOutcome> Misses, IReadOnlyList<CaseOutcome> FalsePositives)
{
    public int Attacks => Threats.Sum(t => t.Attacks);

    public int Caught => Threats.Sum(t => t.Caught);

    public int BenignCases => Benign.Sum(b => b.Cases);

    public int FalsePositiveCount => Benign.Sum(b => b.FalsePositives);

    public double Recall => Attacks == 0 ? 0 : (double)Caught / Attacks;

    public double FalsePositiveRate => BenignCases == 0 ? 0 : (double)FalsePositiveCount / BenignCases;

    /// <summary>Scores replayed cases: an attack case (expect block) counts for its category, any other for its set.</summary>
    public static ProfileDetection Of(string profile, IReadOnlyList<(string File, ReplayResult Result)> results)
    {
        var attacks = results.Where(r => r.Result.Case.ExpectBlock).ToList();
        var benign = results.Where(r => !r.Result.Case.ExpectBlock).ToList();
        return new ProfileDetection(
            profile,
            attacks.GroupBy(r => r.Result.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ThreatScore(g.Key, g.Count(), g.Count(r => r.Result.Blocked))).ToList(),
            benign.GroupBy(r => r.Result.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new BenignScore(g.Key, g.Count(), g.Count(r => r.Result.Blocked))).ToList(),
            attacks.Where(r => !r.Result.Blocked).Select(Outcome).ToList(),
            benign.Where(r => r.Result.Blocked).Select(Outcome).ToList());
    }

    private static CaseOutcome Outcome((string File, ReplayResult Result) r)
        => new(Path.GetFileName(r.File), r.Result.Case.Id, r.Result.Case.Category, r.Result.Verdict, r.Result.Rules);
}

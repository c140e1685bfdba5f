using System.Diagnostics;
using System.Globalization;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Inspection.Semantic.Embedded;

namespace McpVanguard.SemanticTrainer;

/// <summary>
/// Measures the embedded scorer as the proxy uses it: model load time, process memory before and after loading, and
/// per-text latency (p50/p99) over the project's own texts, one at a time, after a warm-up.
/// </summary>
internal static class ScorerBench
{
    public static int Run(string repo, string[] args)
    {
        var countAt = Array.IndexOf(args, "--count");
        var count = countAt >= 0 && countAt + 1 < args.Length ? int.Parse(args[countAt + 1], CultureInfo.InvariantCulture) : 500;
        var directoryAt = Array.IndexOf(args, "--model-directory");
        var directory = directoryAt >= 0 && directoryAt + 1 < args.Length ? args[directoryAt + 1] : null;
        var before = WorkingSetMb();
        var creation = EmbeddedSemanticScorer.Create(new EmbeddedModelOptions(ModelDirectory: directory));
        if (creation.Scorer is not { } scorer)
        {
            Console.Error.WriteLine("the embedded model is not available: " + creation.Reason);
            return 1;
        }

        using var _ = scorer;
        var load = Stopwatch.StartNew();
        scorer.WarmUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        load.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var loaded = WorkingSetMb();

        var set = TrainingSet.Load(repo);
        var texts = set.Train.Concat(set.HeldOut).Select(t => t.Text).ToList();
        foreach (var t in texts.Take(20))
            scorer.Score(t, CancellationToken.None);

        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var text = texts[i % texts.Count];
            var started = Stopwatch.GetTimestamp();
            scorer.ScoreAsync(new SemanticRequest(text, SemanticSubject.ToolResult), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var longText = string.Join(' ', Enumerable.Repeat("The quarterly report lists revenue, costs and the hiring plan for each team.", 200));
        var longSamples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            scorer.Score(longText, CancellationToken.None);
            longSamples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var after = WorkingSetMb();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"model load: {load.Elapsed.TotalMilliseconds:0} ms from {scorer.ModelLocation}"));
        Console.WriteLine(string.Create(inv, $"working set: {before:0} MB before, {loaded:0} MB loaded, {after:0} MB after scoring"));
        Console.WriteLine(string.Create(inv, $"per text ({count} texts of the data set, median {Median(texts.Select(t => (double)t.Length)):0} chars): p50 {Percentile(samples, 0.50):0.00} ms, p99 {Percentile(samples, 0.99):0.00} ms"));
        Console.WriteLine(string.Create(inv, $"text past the token cap ({longText.Length} chars, {EmbeddedModelOptions.Default.MaxTokens} word pieces in windows of {EmbeddedModelOptions.Default.WindowTokens}, plus the tail): p50 {Percentile(longSamples, 0.50):0.0} ms, p99 {Percentile(longSamples, 0.99):0.0} ms"));
        return 0;
    }

    public static int ScoreOne(string text)
    {
        var creation = EmbeddedSemanticScorer.Create();
        if (creation.Scorer is not { } scorer)
        {
            Console.Error.WriteLine("the embedded model is not available: " + creation.Reason);
            return 1;
        }

        using var _ = scorer;
        var score = scorer.Score(text, CancellationToken.None);
        Console.WriteLine($"{score.Score.ToString("0.000", CultureInfo.InvariantCulture)} {score.Category}: {score.Reason}");
        return 0;
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 0.5);

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}

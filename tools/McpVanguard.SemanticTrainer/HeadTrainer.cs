using System.Globalization;
using System.Text;
using System.Text.Json;
using McpVanguard.Inspection.Semantic.Embedded;

namespace McpVanguard.SemanticTrainer;

/// <summary>
/// Trains the logistic head: embeds every text, picks the threshold from 5-fold out-of-fold scores on the training
/// split (recall is maximised with at most <see cref="TargetFalsePositiveRate"/> of benign texts flagged), fits the
/// final head on the whole training split, and reports on the held-out split it never saw.
/// </summary>
internal static class HeadTrainer
{
    public const double TargetFalsePositiveRate = 0.02;
    private const int Folds = 5;

    public static int Run(string repo, string[] args)
    {
        var headPath = Path.Combine(repo, "src", "McpVanguard.Semantic.Embedded", "Head", "minilm-head.json");
        var reportPath = Path.Combine(repo, "semantic", "training-report.md");
        var l2 = Option(args, "--l2", 3e-4);
        var epochs = (int)Option(args, "--epochs", 4000);
        var learningRate = Option(args, "--learning-rate", 8.0);
        var regression = new LogisticRegression(learningRate, epochs, l2);
        var creation = EmbeddedSemanticScorer.Create();
        if (creation.Scorer is not { } scorer)
        {
            Console.Error.WriteLine("the embedded model is not available: " + creation.Reason);
            return 1;
        }

        using var _ = scorer;
        var set = TrainingSet.Load(repo);
        Console.WriteLine($"train {set.Train.Count} texts ({set.Train.Count(t => t.Label)} attacks), held-out {set.HeldOut.Count} ({set.HeldOut.Count(t => t.Label)} attacks), corpus hold-out {set.CorpusHoldout.Count}");

        var cache = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        float[][] Embed(LabelledText t)
        {
            if (!cache.TryGetValue(t.Text, out var windows))
                cache[t.Text] = windows = scorer.Embed(t.Text, CancellationToken.None);
            return windows;
        }

        foreach (var t in set.Train.Concat(set.HeldOut).Concat(set.CorpusHoldout))
            Embed(t);

        // Out-of-fold scores on the training split choose the threshold; the held-out split plays no part in it.
        var outOfFold = new List<(double Score, bool Label)>();
        var dumpAt = Array.IndexOf(args, "--dump");
        using var dump = dumpAt >= 0 && dumpAt + 1 < args.Length ? new StreamWriter(args[dumpAt + 1]) : null;
        for (var fold = 0; fold < Folds; fold++)
        {
            var inFold = set.Train.Where(t => TrainingSet.Bucket(t.Group, 1) % Folds == fold).ToList();
            var rest = set.Train.Where(t => TrainingSet.Bucket(t.Group, 1) % Folds != fold).ToList();
            var (w, b) = Fit(rest, Embed, regression);
            foreach (var t in inFold)
            {
                var score = Score(w, b, Embed(t));
                outOfFold.Add((score, t.Label));
                dump?.WriteLine($"{score.ToString("0.000", CultureInfo.InvariantCulture)}\t{(t.Label ? "attack" : "benign")}\t{t.Source}\t{t.Id}\t{t.Text.Replace('\n', ' ')}");
            }
        }

        var grid = Enumerable.Range(1, 99).Select(i => i / 100.0).ToList();
        var chosen = grid.Select(th => OperatingPoint.At(th, outOfFold))
            .Where(p => p.FalsePositiveRate <= TargetFalsePositiveRate)
            .OrderByDescending(p => p.Recall).ThenBy(p => p.Threshold)
            .First();

        var (weights, bias) = Fit(set.Train, Embed, regression);
        var heldOut = set.HeldOut.Select(t => (Score(weights, bias, Embed(t)), t.Label)).ToList();
        var corpusHoldout = set.CorpusHoldout.Select(t => (Score(weights, bias, Embed(t)), t.Label)).ToList();
        var atThreshold = OperatingPoint.At(chosen.Threshold, heldOut);
        var corpusAtThreshold = OperatingPoint.At(chosen.Threshold, corpusHoldout);

        var training = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["command"] = "dotnet run --project tools/McpVanguard.SemanticTrainer -c Release -- train",
            ["data"] = "semantic/data/*.jsonl and corpus/*.jsonl (benign files; injection cases, MCP-19/20/10/12, of injection and server-to-agent*)",
            ["trainTexts"] = set.Train.Count,
            ["regression"] = $"logistic, full-batch gradient descent, learning rate {learningRate}, {epochs} epochs, L2 {l2}, classes balanced",
            ["heldOutTexts"] = set.HeldOut.Count,
            ["thresholdRule"] = $"max recall with out-of-fold FPR <= {TargetFalsePositiveRate}",
            ["heldOut"] = Summary(atThreshold),
            ["corpusHoldout"] = Summary(corpusAtThreshold),
        });
        var head = new ClassifierHead
        {
            Format = ClassifierHead.CurrentFormat,
            Model = EmbeddedSemanticScorer.ModelName,
            Weights = weights,
            Bias = Math.Round(bias, 6),
            Threshold = chosen.Threshold,
            Training = training,
        };
        File.WriteAllText(headPath, head.ToJson() + "\n");

        var report = Report(set, chosen, outOfFold, heldOut, corpusHoldout, atThreshold, corpusAtThreshold);
        File.WriteAllText(reportPath, report);
        Console.WriteLine(report);
        Console.WriteLine($"wrote {headPath} and {reportPath}");
        return 0;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static (float[] Weights, double Bias) Fit(List<LabelledText> texts, Func<LabelledText, float[][]> embed, LogisticRegression regression)
    {
        var x = new List<float[]>();
        var y = new List<bool>();
        foreach (var t in texts)
        {
            foreach (var window in embed(t))
            {
                x.Add(window);
                y.Add(t.Label);
            }
        }

        return regression.Fit(x, y);
    }

    /// <summary>As the scorer does: the highest window wins.</summary>
    private static double Score(float[] weights, double bias, float[][] windows) =>
        windows.Max(window =>
        {
            var z = bias;
            for (var d = 0; d < weights.Length; d++)
                z += weights[d] * window[d];
            return LogisticRegression.Sigmoid(z);
        });

    private static Dictionary<string, double> Summary(OperatingPoint p) => new()
    {
        ["precision"] = Math.Round(p.Precision, 4),
        ["recall"] = Math.Round(p.Recall, 4),
        ["falsePositiveRate"] = Math.Round(p.FalsePositiveRate, 4),
        ["attacks"] = p.Positives,
        ["benign"] = p.Negatives,
    };

    private static string Report(TrainingSet set, OperatingPoint chosen, List<(double, bool)> outOfFold,
        List<(double, bool)> heldOut, List<(double, bool)> corpusHoldout, OperatingPoint atThreshold, OperatingPoint corpusAtThreshold)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.AppendLine("# Embedded head: training report").AppendLine();
        b.AppendLine("Generated by `dotnet run --project tools/McpVanguard.SemanticTrainer -c Release -- train`; do not edit by hand.").AppendLine();
        b.AppendLine("| split | texts | attacks | benign |").AppendLine("|---|---|---|---|");
        foreach (var (name, texts) in new[] { ("train", set.Train), ("held-out", set.HeldOut), ("corpus hold-out", set.CorpusHoldout) })
            b.AppendLine(inv, $"| {name} | {texts.Count} | {texts.Count(t => t.Label)} | {texts.Count(t => !t.Label)} |");
        b.AppendLine();
        b.AppendLine("Training texts by language (`xx`: corpus texts, mostly English, some in nine other languages):").AppendLine();
        b.AppendLine(string.Join(", ", set.Train.GroupBy(t => t.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))).AppendLine();
        b.AppendLine(inv, $"Shipped threshold: **{chosen.Threshold:0.00}** (highest out-of-fold recall with out-of-fold FPR ≤ {TargetFalsePositiveRate:0.00}; out-of-fold precision {chosen.Precision:0.000}, recall {chosen.Recall:0.000}, FPR {chosen.FalsePositiveRate:0.000}).").AppendLine();
        b.AppendLine(inv, $"Held-out split (never seen in training or in choosing the threshold), at {chosen.Threshold:0.00}: precision **{atThreshold.Precision:0.000}**, recall **{atThreshold.Recall:0.000}**, false-positive rate **{atThreshold.FalsePositiveRate:0.000}** ({atThreshold.TruePositives}/{atThreshold.Positives} attacks, {atThreshold.FalsePositives}/{atThreshold.Negatives} benign flagged).").AppendLine();
        b.AppendLine(inv, $"Corpus hold-out (corpus/server-to-agent-holdout.jsonl and its benign twin, written after the L1 detectors and never trained on), at {chosen.Threshold:0.00}: precision {corpusAtThreshold.Precision:0.000}, recall {corpusAtThreshold.Recall:0.000}, false-positive rate {corpusAtThreshold.FalsePositiveRate:0.000} ({corpusAtThreshold.TruePositives}/{corpusAtThreshold.Positives}, {corpusAtThreshold.FalsePositives}/{corpusAtThreshold.Negatives}).").AppendLine();
        b.AppendLine("## Precision/recall on the held-out split by threshold").AppendLine().AppendLine(OperatingPoint.Header);
        foreach (var th in new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 }.Append(chosen.Threshold).Distinct().Order())
            b.AppendLine(OperatingPoint.At(th, heldOut).Row());
        b.AppendLine().AppendLine("## Out-of-fold on the training split (what chose the threshold)").AppendLine().AppendLine(OperatingPoint.Header);
        foreach (var th in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }.Append(chosen.Threshold).Distinct().Order())
            b.AppendLine(OperatingPoint.At(th, outOfFold).Row());
        return b.ToString();
    }
}

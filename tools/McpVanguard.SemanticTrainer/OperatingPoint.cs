using System.Globalization;

namespace McpVanguard.SemanticTrainer;

/// <summary>Precision, recall and false-positive rate of a set of scores at one threshold.</summary>
internal sealed record OperatingPoint(double Threshold, int TruePositives, int FalsePositives, int Positives, int Negatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;
    public double FalsePositiveRate => Negatives == 0 ? 0 : (double)FalsePositives / Negatives;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static OperatingPoint At(double threshold, IReadOnlyList<(double Score, bool Label)> scored)
    {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        foreach (var (score, label) in scored)
        {
            if (label) pos++; else neg++;
            if (score >= threshold)
            {
                if (label) tp++; else fp++;
            }
        }

        return new OperatingPoint(threshold, tp, fp, pos, neg);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Threshold:0.00} | {Precision:0.000} | {Recall:0.000} | {FalsePositiveRate:0.000} | {TruePositives}/{Positives} | {FalsePositives}/{Negatives} |");

    public const string Header = "| threshold | precision | recall | FPR | attacks caught | benign flagged |\n|---|---|---|---|---|---|";
}

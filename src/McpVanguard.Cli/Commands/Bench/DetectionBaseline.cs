using System.Globalization;
using System.Text.Json;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// Compares a run with a previous <c>bench detection --json</c> output: a category whose recall fell or a benign set whose
/// false-positive rate rose, under the same profile, is a regression (for CI).
/// </summary>
internal static class DetectionBaseline
{
    private const double Tolerance = 1e-9;

    /// <summary>One line per regression; empty when none.</summary>
    /// <exception cref="JsonException">The baseline is not a <c>bench detection --json</c> document.</exception>
    public static IReadOnlyList<string> Regressions(JsonDocument baseline, IReadOnlyList<ProfileDetection> now)
    {
        var regressions = new List<string>();
        if (!baseline.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no 'profiles' array (expected the output of bench detection --json)");
        }

        foreach (var before in profiles.EnumerateArray())
        {
            var name = before.GetProperty("profile").GetString();
            if (now.FirstOrDefault(p => p.Profile == name) is not { } current)
            {
                continue;
            }

            foreach (var t in before.GetProperty("threats").EnumerateArray())
            {
                var category = t.GetProperty("category").GetString();
                var recall = Ratio(t.GetProperty("caught").GetInt32(), t.GetProperty("attacks").GetInt32());
                if (current.Threats.FirstOrDefault(c => c.Category == category) is { } c && c.Recall < recall - Tolerance)
                {
                    regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {category}: recall {c.Recall:0.000} ({c.Caught}/{c.Attacks}), was {recall:0.000}"));
                }
            }

            foreach (var b in before.GetProperty("benign").EnumerateArray())
            {
                var set = b.GetProperty("set").GetString();
                var rate = Ratio(b.GetProperty("false_positives").GetInt32(), b.GetProperty("cases").GetInt32());
                if (current.Benign.FirstOrDefault(c => c.Set == set) is { } c && c.Rate > rate + Tolerance)
                {
                    regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {set}: false-positive rate {c.Rate:0.000} ({c.FalsePositives}/{c.Cases}), was {rate:0.000}"));
                }
            }
        }

        return regressions;
    }

    // From the counts, not the rounded rates, so that an unchanged run never reads as a regression.
    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

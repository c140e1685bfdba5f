using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Cli.Doctor;

/// <summary>Writes the checks of <c>vanguard doctor</c> as aligned lines, JSON, or SARIF 2.1.0 (warn and fail as results).</summary>
internal static class DoctorReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per check (status, id, title, detail), the fix indented under each that is not a pass: readable at 80 columns and when piped.</summary>
    public static void WriteText(IReadOnlyList<DoctorCheck> checks, TextWriter output)
    {
        foreach (var check in checks)
        {
            output.WriteLine($"{Status(check.Status),-4}  {check.Id}  {check.Title}: {check.Detail}");
            if (check.Fix is { } fix && check.Status != CheckStatus.Pass)
            {
                output.WriteLine($"            fix: {fix}");
                output.WriteLine($"            supports: {check.Control}");
            }
        }

        output.WriteLine($"{checks.Count(c => c.Status == CheckStatus.Pass)} pass, {checks.Count(c => c.Status == CheckStatus.Warn)} warn, {checks.Count(c => c.Status == CheckStatus.Fail)} fail");
    }

    public static void WriteJson(IReadOnlyList<DoctorCheck> checks, TextWriter output)
    {
        var array = new JsonArray();
        foreach (var c in checks)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["title"] = c.Title,
                ["status"] = Status(c.Status).ToLowerInvariant(),
                ["detail"] = c.Detail,
                ["fix"] = c.Fix,
                ["control"] = c.Control,
            });
        }

        output.WriteLine(new JsonObject { ["checks"] = array }.ToJsonString(Indented));
    }

    public static void WriteSarif(IReadOnlyList<DoctorCheck> checks, string version, TextWriter output)
    {
        var rules = new JsonArray();
        foreach (var c in checks)
        {
            rules.Add((JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["shortDescription"] = new JsonObject { ["text"] = c.Title },
                ["help"] = new JsonObject { ["text"] = c.Fix ?? c.Title },
                ["properties"] = new JsonObject { ["control"] = c.Control },
            });
        }

        var results = new JsonArray();
        for (var i = 0; i < checks.Count; i++)
        {
            var c = checks[i];
            if (c.Status == CheckStatus.Pass)
            {
                continue;
            }

            results.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = c.Id,
                ["ruleIndex"] = i,
                ["level"] = c.Status == CheckStatus.Fail ? "error" : "warning",
                ["message"] = new JsonObject { ["text"] = $"{c.Title}: {c.Detail}. Fix: {c.Fix}" },
            });
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "McpVanguard doctor", ["version"] = version, ["rules"] = rules } },
                ["results"] = results,
            }),
        };
        output.WriteLine(sarif.ToJsonString(Indented));
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };
}

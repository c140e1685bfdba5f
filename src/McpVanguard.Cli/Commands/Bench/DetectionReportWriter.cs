using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>Writes <c>bench detection</c> results as a terminal table, JSON (the baseline format) or Markdown.</summary>
internal static class DetectionReportWriter
{
    public static void Json(Stream output, IReadOnlyList<ProfileDetection> profiles, IReadOnlyList<string> files)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var f in files)
        {
            json.WriteStringValue(f);
        }

        json.WriteEndArray();
        json.WriteStartArray("profiles");
        foreach (var p in profiles)
        {
            json.WriteStartObject();
            json.WriteString("profile", p.Profile);
            json.WriteNumber("attacks", p.Attacks);
            json.WriteNumber("caught", p.Caught);
            json.WriteNumber("recall", Math.Round(p.Recall, 4));
            json.WriteNumber("benign", p.BenignCases);
            json.WriteNumber("false_positives", p.FalsePositiveCount);
            json.WriteNumber("false_positive_rate", Math.Round(p.FalsePositiveRate, 4));
            json.WriteStartArray("threats");
            foreach (var t in p.Threats)
            {
                json.WriteStartObject();
                json.WriteString("category", t.Category);
                json.WriteNumber("attacks", t.Attacks);
                json.WriteNumber("caught", t.Caught);
                json.WriteNumber("recall", Math.Round(t.Recall, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("benign");
            foreach (var b in p.Benign)
            {
                json.WriteStartObject();
                json.WriteString("set", b.Set);
                json.WriteNumber("cases", b.Cases);
                json.WriteNumber("false_positives", b.FalsePositives);
                json.WriteNumber("false_positive_rate", Math.Round(b.Rate, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Outcomes(json, "misses", p.Misses);
            Outcomes(json, "false_positive_cases", p.FalsePositives);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    public static string Markdown(IReadOnlyList<ProfileDetection> profiles)
    {
        var s = new StringBuilder();
        foreach (var p in profiles)
        {
            s.Append(CultureInfo.InvariantCulture, $"#### Profile `{p.Profile}`: recall {p.Recall:0.000} ({p.Caught}/{p.Attacks}), false-positive rate {p.FalsePositiveRate:0.000} ({p.FalsePositiveCount}/{p.BenignCases})\n\n");
            s.Append("| MCP-38 | threat | attacks | caught | recall |\n|---|---|---:|---:|---:|\n");
            foreach (var t in p.Threats)
            {
                var name = McpVanguard.Taxonomy.Mcp38.Threats.FirstOrDefault(x => x.Id == t.Category)?.Name ?? "(not an MCP-38 id)";
                s.Append(CultureInfo.InvariantCulture, $"| {t.Category} | {name} | {t.Attacks} | {t.Caught} | {t.Recall:0.000} |\n");
            }

            if (p.Benign.Count > 0)
            {
                s.Append("\n| benign set | cases | false positives | rate |\n|---|---:|---:|---:|\n");
                foreach (var b in p.Benign)
                {
                    s.Append(CultureInfo.InvariantCulture, $"| {b.Set} | {b.Cases} | {b.FalsePositives} | {b.Rate:0.000} |\n");
                }
            }

            if (p.Misses.Count + p.FalsePositives.Count > 0)
            {
                s.Append('\n');
                foreach (var m in p.Misses)
                {
                    s.Append(CultureInfo.InvariantCulture, $"- missed `{m.Id}` ({m.File}, {m.Category}): {m.Verdict}{Rules(m)}\n");
                }

                foreach (var m in p.FalsePositives)
                {
                    s.Append(CultureInfo.InvariantCulture, $"- false positive `{m.Id}` ({m.File}): {m.Verdict}{Rules(m)}\n");
                }
            }

            s.Append('\n');
        }

        return s.ToString();
    }

    public static void Terminal(IReadOnlyList<ProfileDetection> profiles)
    {
        foreach (var p in profiles)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"profile {p.Profile}").AddColumns("category / set", "cases", "caught", "missed", "false pos.", "recall", "FP rate");
            foreach (var t in p.Threats)
            {
                table.AddRow(Markup.Escape(t.Category), t.Attacks.ToString(CultureInfo.InvariantCulture), t.Caught.ToString(CultureInfo.InvariantCulture), Red(t.Attacks - t.Caught), "", t.Recall.ToString("0.000", CultureInfo.InvariantCulture), "");
            }

            foreach (var b in p.Benign)
            {
                table.AddRow(Markup.Escape(b.Set), b.Cases.ToString(CultureInfo.InvariantCulture), "", "", Red(b.FalsePositives), "", b.Rate.ToString("0.000", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            foreach (var m in p.Misses)
            {
                AnsiConsole.MarkupLine($"[red]missed[/] {Markup.Escape(m.Id)} ({Markup.Escape(m.File)}, {Markup.Escape(m.Category)}) {Markup.Escape(m.Verdict + Rules(m))}");
            }

            foreach (var m in p.FalsePositives)
            {
                AnsiConsole.MarkupLine($"[yellow]false positive[/] {Markup.Escape(m.Id)} ({Markup.Escape(m.File)}) {Markup.Escape(m.Verdict + Rules(m))}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Profile}: {p.Attacks} attacks, {p.Caught} caught (recall {p.Recall:0.000}); {p.BenignCases} benign, {p.FalsePositiveCount} false positives (rate {p.FalsePositiveRate:0.000})"));
        }
    }

    private static void Outcomes(Utf8JsonWriter json, string name, IReadOnlyList<CaseOutcome> outcomes)
    {
        json.WriteStartArray(name);
        foreach (var o in outcomes)
        {
            json.WriteStartObject();
            json.WriteString("file", o.File);
            json.WriteString("id", o.Id);
            json.WriteString("category", o.Category);
            json.WriteString("verdict", o.Verdict);
            json.WriteStartArray("rules");
            foreach (var r in o.Rules)
            {
                json.WriteStringValue(r);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Rules(CaseOutcome m) => m.Rules.Count == 0 ? "" : " [" + string.Join(", ", m.Rules) + "]";

    private static string Red(int n) => n == 0 ? "0" : $"[red]{n}[/]";
}

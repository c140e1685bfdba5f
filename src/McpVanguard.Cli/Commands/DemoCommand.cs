using System.CommandLine;
using McpVanguard.Demo;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard demo</c>: puts the real proxy (<c>vanguard start</c>) in front of the bundled demo
/// server in a temporary folder, drives a scripted agent session through it and prints what was
/// allowed and what was blocked. Exit code 0 when every step went as expected, 1 otherwise.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] Profiles = ["monitor", "balanced", "strict"];

    public static Command Create()
    {
        var profile = new Option<string>("--profile")
        {
            Description = "Profile the proxy runs with: monitor (audit only), balanced or strict.",
            DefaultValueFactory = _ => "balanced",
        };
        profile.AcceptOnlyFromAmong(Profiles);

        var keep = new Option<bool>("--keep")
        {
            Description = "Keep the temporary demo folder afterwards and print its path.",
        };

        var command = new Command("demo", HelpText.With(
            "Runs a scripted agent session, everyday calls and attacks, through the firewall and shows the verdicts. Uses its own temporary audit log and pins.",
            "vanguard demo",
            "vanguard demo --profile monitor",
            "vanguard demo --keep"));
        command.Options.Add(profile);
        command.Options.Add(keep);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(profile)!, parseResult.GetValue(keep), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string profile, bool keep, CancellationToken cancellationToken)
    {
        // The demo's own state, outside the workspace the demo tools can read: a demo run must neither write to the
        // user's real audit log and pin file nor depend on their settings.
        using var sandbox = await DemoSandbox.CreateAsync("demo", cancellationToken);
        sandbox.Keep = keep;
        var workspace = sandbox.Workspace;
        try
        {
            var proxy = sandbox.Proxy(profile, "demo");

            // Monitor only audits: attacks are forwarded (and the demo server refuses them itself).
            var steps = DemoScript.Steps(enforcing: profile != "monitor");

            // Piped or captured output has no terminal width and would default to 80 columns, which
            // wraps every reason; a fixed wider table stays readable in logs and CI output.
            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = 150;
            }

            AnsiConsole.MarkupLine($"[bold]McpVanguard demo[/] — profile [bold]{profile}[/], workspace [grey]{Markup.Escape(workspace.Root)}[/]");
            DemoReport report;
            try
            {
                report = await DemoSession.RunAsync(proxy, steps, cancellationToken);
            }
            catch (DemoSessionException exception)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
                WriteStderr(exception.ProxyStderr);
                return 1;
            }

            AnsiConsole.Write(ToTable(report));
            AnsiConsole.MarkupLine(report.AllExpectationsMet
                ? $"[green]{Markup.Escape(report.Summary)}[/]"
                : $"[red]{Markup.Escape(report.Summary)}[/]");
            if (!report.AllExpectationsMet)
            {
                WriteStderr(report.ProxyStderr);
            }

            return report.AllExpectationsMet ? 0 : 1;
        }
        finally
        {
            if (keep)
            {
                AnsiConsole.MarkupLine($"Demo folder kept: {Markup.Escape(workspace.Root)}; its audit log and pins: {Markup.Escape(sandbox.State)}");
            }
        }
    }

    private static Table ToTable(DemoReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("#")
            .AddColumn("step")
            .AddColumn("tool")
            .AddColumn("outcome")
            .AddColumn("rule ids")
            .AddColumn("reason / result");
        var number = 0;
        foreach (var step in report.Steps)
        {
            number++;
            var outcome = step.Outcome switch
            {
                DemoOutcome.Allowed => "[green]allowed[/]",
                DemoOutcome.Blocked => "[red]blocked[/]",
                _ => "[yellow]failed[/]",
            };
            if (!step.MetExpectation)
            {
                outcome += $" [yellow](expected {step.Expected.ToString().ToLowerInvariant()})[/]";
            }

            table.AddRow(
                number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(step.Description),
                Markup.Escape(step.Tool),
                outcome,
                Markup.Escape(string.Join(", ", step.RuleIds)),
                Markup.Escape(step.Reason));
        }

        return table;
    }

    // The proxy's own stderr explains a failed run (a start-up error, a crashed child).
    private static void WriteStderr(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Console.Error.WriteLine("--- vanguard stderr ---");
        foreach (var line in lines)
        {
            Console.Error.WriteLine(line);
        }
    }
}

using System.CommandLine;
using McpVanguard.Cli.Doctor;
using McpVanguard.Configuration;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard doctor</c> (alias <c>audit-compliance</c>): checks the installation and the deployment; exit 1 when a check fails.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var sarif = new Option<bool>("--sarif") { Description = "Print the checks as SARIF 2.1.0 (warnings and failures are results)." };
        var command = new Command("doctor", HelpText.With(
            "Check the installation and the deployment and say what to fix: config valid, rules self-test, the vanguard on PATH, clients wrapped, safe zones, audit log, pending pins, gateway exposure, state directory permissions, wrapped servers launch this vanguard and pass the launch check. "
                + "Each check has an id, pass/warn/fail, a one-line fix and the MCP-38 / OWASP MCP Top 10 control it supports. Exit 1 when a check fails.",
            "vanguard doctor",
            "vanguard doctor --json",
            "vanguard doctor --sarif > doctor.sarif",
            "vanguard audit-compliance --config /etc/vanguard/vanguard.yaml"))
        {
            json, sarif,
        };
        command.Aliases.Add("audit-compliance");
        common.AddTo(command);
        command.SetAction(parse =>
        {
            IReadOnlyList<DoctorCheck> checks;
            var warnings = new List<string>();
            try
            {
                var options = common.Load(parse, warnings);
                var rules = RuleLoader.Load(options.RulesDirectory);
                var environment = CommonOptions.ReadEnvironment("PATH");
                checks = new DeploymentChecks(options, common.Auth, rules, Environment.CurrentDirectory, environment.GetValueOrDefault("PATH")).Run();
            }
            catch (ConfigurationException ex)
            {
                checks = [DeploymentChecks.ConfigInvalid(ex.Errors)];
            }
            catch (RuleLoadException ex)
            {
                checks = [new DoctorCheck("DOC02", "rules load", CheckStatus.Fail, ex.Message, "fix the rules directory", "MCP-10 / OWASP MCP03 Tool Poisoning")];
            }

            if (parse.GetValue(sarif))
            {
                DoctorReport.WriteSarif(checks, VanguardVersion.Text, Console.Out);
            }
            else if (parse.GetValue(json))
            {
                DoctorReport.WriteJson(checks, Console.Out);
            }
            else
            {
                DoctorReport.WriteText(checks, Console.Out);
            }

            return checks.Any(c => c.Status == CheckStatus.Fail) ? 1 : 0;
        });
        return command;
    }
}

using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Tokenizes the command arguments of a request (<c>command</c>, <c>cmd</c>, <c>script</c>, the argv of exec-like tools)
/// and reports reverse shells, download-and-execute, hidden payloads, destructive, privilege, anti-forensics and persistence
/// commands (SHELL-001…012). Chaining alone is not an attack: only what the chain runs is judged.
/// </summary>
public sealed class ShellCommandInspector : IInspector
{
    public string Id => "SHELL-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || context.Strings.Count == 0)
        {
            return;
        }

        var exec = ArgumentRoles.IsExecTool(context.ToolName);
        var runsCode = exec || ArgumentRoles.RunsCode(context.ToolName);
        var items = context.Strings.Items;
        ShellAnalyzer? analyzer = null;
        List<string>? argv = null;
        string? argvKey = null;
        for (var i = 0; i < items.Count; i++)
        {
            var s = items[i];
            if (runsCode && ArgumentRoles.IsCodeKey(s.Key))
            {
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeCode(s.Decoded, 0);
                continue;
            }

            var isCommand = ArgumentRoles.IsCommandKey(s.Key);
            var isArgv = !isCommand && ArgumentRoles.IsArgvKey(s.Key) && (exec || argv is not null);
            if (!isCommand && !isArgv)
            {
                InspectSmuggledSubstitution(s, findings, ref analyzer);
                continue;
            }

            analyzer ??= new ShellAnalyzer(findings);
            if (isCommand)
            {
                analyzer.AnalyzeText(s.Decoded, 0);
            }

            // Array-form commands ({"command": "bash", "args": ["-c", "…"]} or {"command": ["sh", "-c", "…"]}) are one argv.
            if (isCommand && !string.Equals(s.Key, argvKey, StringComparison.Ordinal))
            {
                Flush(analyzer, argv);
                argv = null;
                argvKey = s.Key;
            }

            if (isCommand && argv is null && s.Decoded.Contains(' ', StringComparison.Ordinal))
            {
                continue; // a whole command line, not a program name starting an argv
            }

            (argv ??= []).Add(s.Decoded);
        }

        if (analyzer is not null)
        {
            Flush(analyzer, argv);
        }
    }

    /// <summary>
    /// <c>$(…)</c> or backticks in a file name, search pattern or other plain argument: servers that build a shell
    /// line from their arguments run it. What the substitution runs is analysed like a command.
    /// </summary>
    private static void InspectSmuggledSubstitution(Preflight.ArgumentString s, List<Finding> findings, ref ShellAnalyzer? analyzer)
    {
        if (ArgumentRoles.IsContentKey(s.Key) || (!s.Decoded.Contains("$(", StringComparison.Ordinal) && !s.Decoded.Contains('`', StringComparison.Ordinal)))
        {
            return;
        }

        var before = findings.Count;
        analyzer ??= new ShellAnalyzer(findings);
        analyzer.AnalyzeText(s.Decoded, 0);
        if (findings.Count == before)
        {
            findings.AddOnce(SmuggledSubstitution);
        }
    }

    private static readonly Finding SmuggledSubstitution = new("SHELL-013", "L1", "MCP-06", Severity.High, FindingAction.Warn,
        "Shell command substitution inside a non-command argument.");

    private static void Flush(ShellAnalyzer analyzer, List<string>? argv)
    {
        if (argv is { Count: > 1 })
        {
            analyzer.AnalyzeArgv(argv, 0);
        }
    }
}

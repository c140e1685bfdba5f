namespace McpVanguard.Cli.Doctor;

/// <summary>How a <c>vanguard doctor</c> check came out.</summary>
internal enum CheckStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>One finding of <c>vanguard doctor</c>: what was checked, how it came out, the one-line fix and the control it supports.</summary>
/// <param name="Id">A stable id (DOC01…) for scripts and SARIF; not shaped like a rule id (XXX-000): a check is not a finding.</param>
/// <param name="Control">The MCP-38 category and OWASP MCP Top 10 item the check supports.</param>
internal sealed record DoctorCheck(string Id, string Title, CheckStatus Status, string Detail, string? Fix, string Control);

namespace McpVanguard.Inspection.Access;

/// <summary>One entry of <c>access.rules</c>: for callers matching any principal pattern, on servers matching any server glob, which tools are allowed and which denied.</summary>
/// <param name="Line">The rule's line in the config file, for reasons and audit.</param>
public sealed record AccessRule(
    IReadOnlyList<PrincipalPattern> Principals,
    IReadOnlyList<NamePattern> Servers,
    IReadOnlyList<NamePattern> AllowTools,
    IReadOnlyList<NamePattern> DenyTools,
    int Line);

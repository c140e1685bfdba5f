namespace McpVanguard.Inspection.Access;

/// <summary>Which part of a caller a <see cref="PrincipalPattern"/> looks at.</summary>
public enum PrincipalPatternKind
{
    /// <summary>The caller's name, whichever scheme verified it.</summary>
    Name,

    /// <summary>The name of an API-key caller only.</summary>
    ApiKey,

    /// <summary>The subject of a JWT caller only.</summary>
    Subject,

    Role,
    Scope,
}

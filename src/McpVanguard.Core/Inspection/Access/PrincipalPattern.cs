using McpVanguard.Sessions;

namespace McpVanguard.Inspection.Access;

/// <summary>
/// Who an access rule applies to: <c>key:NAME</c> (an API key), <c>sub:SUBJECT</c> (a JWT subject), a bare name (either),
/// <c>role:ROLE</c> or <c>scope:SCOPE</c>; each part a <see cref="Glob"/>, compared case-sensitively.
/// </summary>
public sealed record PrincipalPattern(PrincipalPatternKind Kind, Glob Glob)
{
    /// <summary>Parses one entry of <c>principals:</c>; null when the prefix is unknown.</summary>
    public static PrincipalPattern? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new PrincipalPattern(PrincipalPatternKind.Name, new Glob(text));
        }

        PrincipalPatternKind? kind = text[..colon] switch
        {
            "key" => PrincipalPatternKind.ApiKey,
            "sub" => PrincipalPatternKind.Subject,
            "name" => PrincipalPatternKind.Name,
            "role" => PrincipalPatternKind.Role,
            "scope" => PrincipalPatternKind.Scope,
            _ => null,
        };
        return kind is { } k && colon < text.Length - 1 ? new PrincipalPattern(k, new Glob(text[(colon + 1)..])) : null;
    }

    public bool Matches(CallerIdentity caller) => Kind switch
    {
        PrincipalPatternKind.Name => Glob.Matches(caller.Name),

        // The scheme is part of the identity here, so that a JWT whose subject happens to equal an API key's name
        // cannot borrow that key's rights.
        PrincipalPatternKind.ApiKey => caller.Scheme == "api-key" && Glob.Matches(caller.Name),
        PrincipalPatternKind.Subject => caller.Scheme == "jwt" && Glob.Matches(caller.Name),
        PrincipalPatternKind.Role => caller.Roles.Any(role => Glob.Matches(role)),
        PrincipalPatternKind.Scope => caller.Scopes.Any(scope => Glob.Matches(scope)),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        PrincipalPatternKind.ApiKey => "key:" + Glob,
        PrincipalPatternKind.Subject => "sub:" + Glob,
        PrincipalPatternKind.Role => "role:" + Glob,
        PrincipalPatternKind.Scope => "scope:" + Glob,
        _ => Glob.Pattern,
    };
}

using McpVanguard.Sessions;

namespace McpVanguard.Inspection.Access;

/// <summary>
/// Who an access rule applies to: <c>key:NAME</c> (an API key), <c>sub:SUBJECT</c> (a JWT subject), a bare name (either),
/// <c>role:ROLE</c> or <c>scope:SCOPE</c>; each part a <see cref="NamePattern"/>, compared case-sensitively.
/// </summary>
public sealed record PrincipalPattern(PrincipalPatternKind Kind, NamePattern Pattern)
{
    /// <summary>Parses one entry of <c>principals:</c>; null when the prefix is unknown.</summary>
    public static PrincipalPattern? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new PrincipalPattern(PrincipalPatternKind.Name, new NamePattern(text));
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
        return kind is { } k && colon < text.Length - 1 ? new PrincipalPattern(k, new NamePattern(text[(colon + 1)..])) : null;
    }

    public bool Matches(CallerIdentity caller) => Kind switch
    {
        PrincipalPatternKind.Name => Pattern.Matches(caller.Name),

        // The scheme is part of the identity here, so that a JWT whose subject happens to equal an API key's name
        // cannot borrow that key's rights.
        PrincipalPatternKind.ApiKey => caller.Scheme == "api-key" && Pattern.Matches(caller.Name),
        PrincipalPatternKind.Subject => caller.Scheme == "jwt" && Pattern.Matches(caller.Name),
        PrincipalPatternKind.Role => caller.Roles.Any(role => Pattern.Matches(role)),
        PrincipalPatternKind.Scope => caller.Scopes.Any(scope => Pattern.Matches(scope)),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        PrincipalPatternKind.ApiKey => "key:" + Pattern,
        PrincipalPatternKind.Subject => "sub:" + Pattern,
        PrincipalPatternKind.Role => "role:" + Pattern,
        PrincipalPatternKind.Scope => "scope:" + Pattern,
        _ => Pattern.Pattern,
    };
}

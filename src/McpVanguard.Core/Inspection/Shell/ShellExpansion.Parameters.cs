namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Parameter expansion as bash applies it, for the forms that compose a path from pieces: <c>${X:-default}</c>, <c>${X-default}</c>,
/// <c>${X:+alt}</c>, <c>${X/a/b}</c>, <c>${X//a/b}</c>, <c>${X#pre}</c>, <c>${X%suf}</c>, <c>${X:off:len}</c>, <c>${X^^}</c>,
/// <c>${X,,}</c>, indirection <c>${!ref}</c> and array elements <c>${a[1]}</c>, <c>${a[@]}</c>. A form it does not know stays as written.
/// </summary>
internal sealed partial class ShellExpansion
{
    /// <summary>Most elements one array assignment remembers.</summary>
    private const int MaxArrayElements = 32;

    /// <summary>The value of <c>${inner}</c>, or null to leave it as written.</summary>
    private string? Parameter(string inner)
    {
        if (inner.Length == 0 || inner.Length > 1024 || inner[0] == '#')
        {
            return null; // ${#X} is a length
        }

        if (inner is "*" or "@")
        {
            return Positionals(inner[0]);
        }

        if (inner[0] == '(')
        {
            return ZshFlags(inner);
        }

        var indirect = inner[0] == '!';
        var p = indirect ? 1 : 0;
        var start = p;
        while (p < inner.Length && (char.IsAsciiLetterOrDigit(inner[p]) || inner[p] == '_'))
        {
            p++;
        }

        if (p < inner.Length && inner[p] == '[' && inner.IndexOf(']', p) is var close and > 0)
        {
            p = close + 1;
        }

        if (p == start)
        {
            return null;
        }

        var name = inner[start..p];
        var op = inner[p..];
        var value = Lookup(name);
        if (!indirect && op.Length > 1 && op[0] == ':' && op[1] is not ('-' or '=' or '+' or '?') && (value is null || value == "~") && TypicalValues.Of(name) is { } typical)
        {
            // ${PATH:0:1}, ${HOME:0:1}: a slice of a variable every shell sets is a character of its usual value ("/"), not unknown.
            value = typical;
        }
        if (indirect)
        {
            // ${!ref}: the variable whose name ref holds.
            if (op.Length > 0 || value is null)
            {
                return null;
            }

            value = Lookup(value);
        }

        return Apply(value, op);
    }

    private string? Lookup(string name)
    {
        if (_variables is not null && _variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return HomeRelative(name);
    }

    /// <summary>One operator applied to a value (null: the variable is unknown here).</summary>
    private string? Apply(string? value, string op)
    {
        if (op.Length == 0)
        {
            return value;
        }

        if (op.StartsWith(":-", StringComparison.Ordinal) || op.StartsWith(":=", StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(value) ? Substitute(op[2..]) : value;
        }

        if (op[0] is '-' or '=')
        {
            return value ?? Substitute(op[1..]);
        }

        if (value is null)
        {
            return null;
        }

        switch (op[0])
        {
            case ':' when op.Length > 1 && op[1] == '+':
                return value.Length == 0 ? string.Empty : Substitute(op[2..]);
            case '+':
                return Substitute(op[1..]);
            case '/':
                return Replace(value, op);
            case '#':
                var prefix = Substitute(op.TrimStart('#'));
                return !ShellGlob.HasGlob(prefix) && value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;
            case '%':
                var suffix = Substitute(op.TrimStart('%'));
                return !ShellGlob.HasGlob(suffix) && value.EndsWith(suffix, StringComparison.Ordinal) ? value[..^suffix.Length] : null;
            case ':':
                return Slice(value, op[1..]);
            case '^':
                return op.Length > 1 && op[1] == '^' ? value.ToUpperInvariant() : value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value;
            case ',':
                return op.Length > 1 && op[1] == ',' ? value.ToLowerInvariant() : value.Length > 0 ? char.ToLowerInvariant(value[0]) + value[1..] : value;
            case '@' when op is "@Q" or "@E" or "@P":
                return value;
            default:
                return null;
        }
    }

    /// <summary><c>${X/a/b}</c> (first), <c>${X//a/b}</c> (every), <c>${X/#a/b}</c> (prefix), <c>${X/%a/b}</c> (suffix), for a literal pattern.</summary>
    private string? Replace(string value, string op)
    {
        var all = op.StartsWith("//", StringComparison.Ordinal);
        var body = op[(all ? 2 : 1)..];
        var anchor = !all && body.Length > 0 && body[0] is '#' or '%' ? body[0] : '\0';
        body = anchor == '\0' ? body : body[1..];
        var slash = body.IndexOf('/');
        var pattern = Substitute(slash < 0 ? body : body[..slash]);
        var replacement = slash < 0 ? string.Empty : Substitute(body[(slash + 1)..]);
        if (pattern.Length == 0 || ShellGlob.HasGlob(pattern))
        {
            return null;
        }

        if (anchor == '#')
        {
            return value.StartsWith(pattern, StringComparison.Ordinal) ? replacement + value[pattern.Length..] : value;
        }

        if (anchor == '%')
        {
            return value.EndsWith(pattern, StringComparison.Ordinal) ? value[..^pattern.Length] + replacement : value;
        }

        if (all)
        {
            return value.Replace(pattern, replacement, StringComparison.Ordinal);
        }

        var at = value.IndexOf(pattern, StringComparison.Ordinal);
        return at < 0 ? value : value[..at] + replacement + value[(at + pattern.Length)..];
    }

    /// <summary><c>${X:offset}</c> and <c>${X:offset:length}</c> with numbers (a negative offset counts from the end).</summary>
    private static string? Slice(string value, string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0].Trim().Trim('(', ')'), out var offset))
        {
            return null;
        }

        offset = offset < 0 ? Math.Max(0, value.Length + offset) : Math.Min(offset, value.Length);
        var length = value.Length - offset;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1].Trim(), out var l))
            {
                return null;
            }

            length = l < 0 ? Math.Max(0, value.Length + l - offset) : Math.Min(l, length);
        }

        return value.Substring(offset, length);
    }

    /// <summary><c>a=(/etc /shadow)</c>: each element as <c>a[n]</c>, all of them as <c>a[@]</c> and <c>a[*]</c>, the first as <c>a</c>.</summary>
    private void AssignArray(string name, string body)
    {
        var elements = new List<string>();
        foreach (var raw in body.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (elements.Count == MaxArrayElements)
            {
                break;
            }

            elements.Add(Substitute(raw.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)));
        }

        _variables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_variables.Count + elements.Count + 3 > MaxVariables * 2)
        {
            return;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            _variables[$"{name}[{i}]"] = elements[i];
        }

        var all = string.Join(' ', elements);
        _variables[name + "[@]"] = all;
        _variables[name + "[*]"] = all;
        _variables[name] = elements.Count > 0 ? elements[0] : string.Empty;
        _arrays ??= new HashSet<string>(StringComparer.Ordinal);
        if (_arrays.Count < MaxVariables)
        {
            _arrays.Add(name);
        }
    }

    /// <summary>The arrays assigned so far (their <c>[@]</c> expansion is several words).</summary>
    private HashSet<string>? _arrays;
}

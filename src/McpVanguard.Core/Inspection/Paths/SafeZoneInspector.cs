using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// The path jail: every path argument must resolve (after <c>~</c>, <c>file://</c>, <c>..</c> and symbolic links) inside one
/// of the allowed roots, or the call is blocked (ZONE-001). With no roots configured it does nothing. Reads the file system
/// only to resolve links.
/// </summary>
public sealed class SafeZoneInspector : IInspector
{
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly Finding Outside = new("ZONE-001", "L1", "MCP-08", Severity.High, FindingAction.Block,
        "Path resolves outside the allowed directories.");

    private readonly string[] _roots;
    private readonly string _baseDirectory;
    private readonly string _home;

    /// <param name="allowedRoots">Directories the server may touch; relative roots are taken from <paramref name="baseDirectory"/>.</param>
    /// <param name="baseDirectory">What relative path arguments are relative to (the server's working directory).</param>
    /// <param name="homeDirectory">What <c>~</c> expands to; the current user's home when null.</param>
    public SafeZoneInspector(IReadOnlyList<string> allowedRoots, string baseDirectory, string? homeDirectory = null)
    {
        _baseDirectory = Path.GetFullPath(baseDirectory);
        _home = homeDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        _roots = new string[allowedRoots.Count];
        for (var i = 0; i < allowedRoots.Count; i++)
        {
            var full = Path.GetFullPath(allowedRoots[i], _baseDirectory);
            _roots[i] = Path.TrimEndingDirectorySeparator(RealPathResolver.Resolve(full) ?? full);
        }
    }

    public string Id => "ZONE-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (_roots.Length == 0 || context.Direction != Direction.AgentToServer)
        {
            return;
        }

        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, context.ToolName);
            var isFileUrl = s.Canonical.StartsWith("file:", StringComparison.Ordinal);
            if ((role & ArgumentRole.Path) == 0 || (role & (ArgumentRole.Url | ArgumentRole.Command)) != 0 && !isFileUrl)
            {
                continue;
            }

            if (!IsInside(s.Decoded))
            {
                findings.Add(Outside);
                return;
            }
        }
    }

    /// <summary>True when <paramref name="value"/> resolves inside an allowed root.</summary>
    public bool IsInside(string value)
    {
        var path = ToAbsolute(value.Trim());
        var resolved = path is null ? null : RealPathResolver.Resolve(path);
        if (resolved is null)
        {
            return false; // unresolvable (link loop, bad characters): fail closed
        }

        resolved = Path.TrimEndingDirectorySeparator(resolved);
        foreach (var root in _roots)
        {
            if (resolved.Equals(root, PathComparison)
                || resolved.Length > root.Length && resolved.StartsWith(root, PathComparison) && (resolved[root.Length] == '/' || resolved[root.Length] == Path.DirectorySeparatorChar || root.EndsWith('/')))
            {
                return true;
            }
        }

        return false;
    }

    private string? ToAbsolute(string value)
    {
        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
            if (value.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = value.IndexOf('/', 2);
                value = slash < 0 ? "/" : value[slash..];
            }
        }

        // Agents send Windows separators too; a server that honours them must not escape through them.
        value = value.Replace('\\', '/');
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal))
        {
            value = _home + value[1..];
        }

        try
        {
            return Path.IsPathRooted(value) ? value : Path.Join(_baseDirectory, value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

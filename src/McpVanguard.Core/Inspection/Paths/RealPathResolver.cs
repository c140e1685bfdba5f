namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Resolves a path the way the kernel will: component by component, following symbolic links (also dangling ones) and
/// applying <c>..</c> to the resolved parent, so <c>zone/link/../x</c> is judged where it really lands. Components that
/// do not exist yet are kept as written (a file about to be created is still jailed).
/// </summary>
internal static class RealPathResolver
{
    /// <summary>Links followed before giving up (the Linux limit); protects against link loops.</summary>
    public const int MaxHops = 40;

    /// <summary>The resolved absolute path of <paramref name="absolutePath"/>, or null when links loop or nest too deep.</summary>
    public static string? Resolve(string absolutePath)
    {
        var root = Path.GetPathRoot(absolutePath);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var pending = new Stack<string>();
        Push(pending, absolutePath[root.Length..]);
        var current = root;
        var hops = 0;
        var mayExist = true;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                mayExist = true;
                continue;
            }

            var next = Path.Join(current, component);
            var target = mayExist ? LinkTargetOf(next, out mayExist) : null;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxHops)
            {
                return null;
            }

            Push(pending, target);
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }

            mayExist = true;
        }

        return current;
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.None);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string? LinkTargetOf(string path, out bool exists)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget;
            exists = target is not null || info.Exists || Directory.Exists(path);
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            exists = false;
            return null;
        }
    }
}

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A top-level folder of a user's home (<c>~/projects</c>, <c>$HOME/code</c>, <c>/home/bob/work</c>, <c>$env:USERPROFILE\Documents</c>,
/// <c>C:\Users\bob\source</c>): it holds the user's work, so deleting it whole is as destructive as deleting the home. Dot-folders
/// (caches, tool state) and scratch folders are not work, and anything deeper (<c>~/projects/app/dist</c>) is a clean-up.
/// </summary>
internal static class HomeWorkFolders
{
    /// <summary>How a home directory is spelled before its first separator, lower-cased, backslashes read as '/'.</summary>
    private static readonly string[] HomePrefixes =
    [
        "~/", "$home/", "${home}/", "$env:userprofile/", "$env:home/", "${env:userprofile}/", "%userprofile%/", "%homepath%/", "/root/",
    ];

    /// <summary>
    /// Folders under a home that hold nothing but throw-away files, or a tool's installation that its own uninstall instructions remove
    /// this way (<c>rm -rf ~/miniconda3</c>, <c>rm -rf ~/google-cloud-sdk</c>).
    /// </summary>
    private static readonly HashSet<string> Scratch = new(StringComparer.Ordinal)
    {
        "tmp", "temp", "scratch", "trash", "node_modules", "venv", "venvs", "cache", "caches", "build", "dist", "out", "logs",
        "miniconda", "miniconda3", "anaconda", "anaconda3", "miniforge3", "mambaforge", "google-cloud-sdk", "flutter", "sdk", "go", "snap",
    };

    /// <summary>True for a direct child of a home directory that is not a dot-folder or a scratch folder.</summary>
    public static bool Contains(string target)
    {
        var t = target.Replace('\\', '/').Trim('"', '\'').ToLowerInvariant();
        while (t.Length > 1 && (t[^1] == '/' || t.EndsWith("/*", StringComparison.Ordinal) || t.EndsWith("/.", StringComparison.Ordinal)))
        {
            t = t[^1] == '/' ? t[..^1] : t[..^2];
        }

        var rest = Child(t);
        return rest is { Length: > 0 } && rest[0] != '.' && !rest.Contains('/') && !rest.Contains('*') && !Scratch.Contains(rest);
    }

    /// <summary>What follows the home in <paramref name="t"/>, or null when <paramref name="t"/> does not start at a home.</summary>
    private static string? Child(string t)
    {
        foreach (var prefix in HomePrefixes)
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                return t[prefix.Length..];
            }
        }

        // /home/<user>/X, /Users/<user>/X, C:/Users/<user>/X, ~<user>/X
        var user = t.StartsWith("/home/", StringComparison.Ordinal) ? 6 : t.StartsWith("/users/", StringComparison.Ordinal) ? 7
            : t.StartsWith("c:/users/", StringComparison.Ordinal) ? 9 : t.Length > 1 && t[0] == '~' && t[1] != '/' ? 1 : -1;
        if (user < 0)
        {
            return null;
        }

        var slash = t.IndexOf('/', user);
        return slash < 0 || t[user] == '.' ? null : t[(slash + 1)..];
    }
}

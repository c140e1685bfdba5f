using System.Text.Json;

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Paths a tool builds from two arguments of one object: a directory-like key (<c>directory</c>, <c>dir</c>, <c>root</c>,
/// <c>base</c>, <c>cwd</c>, <c>path</c>) and a name-like key (<c>file</c>, <c>filename</c>, <c>name</c>, <c>relative</c>,
/// <c>subpath</c>, <c>path</c>) whose value is relative. <c>{"directory": "/etc", "file": "shadow"}</c> opens
/// <c>/etc/shadow</c>, so it is judged as that path (and <c>..</c> in the name climbs out of the directory). A command run in
/// a <c>cwd</c> is the shell analyser's; this only pairs path parts.
/// </summary>
internal static class ComposedPaths
{
    /// <summary>Objects walked per call and nesting depth: bounds the walk whatever the arguments hold.</summary>
    private const int MaxObjects = 64;

    private const int MaxDepth = 8;

    private static readonly HashSet<string> DirectoryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "directory", "dir", "dirname", "dir_name", "dirpath", "dir_path", "directory_path", "directorypath", "folder", "folder_path", "folderpath",
        "root", "root_dir", "rootdir", "root_path", "rootpath", "base", "base_dir", "basedir", "base_path", "basepath", "parent", "parent_dir",
        "parent_path", "cwd", "working_dir", "workdir", "working_directory", "workingdirectory", "workspace", "workspace_root", "path", "location",
    };

    private static readonly HashSet<string> NameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "file", "filename", "file_name", "fname", "name", "basename", "base_name", "relative", "relative_path", "relativepath", "relpath",
        "rel_path", "subpath", "sub_path", "child", "entry", "path", "file_path", "filepath", "target", "leaf",
    };

    /// <summary>
    /// False when no object of the call can pair a directory with a name: that needs two string values, one under a directory key
    /// and one under a name key (another key), or two under one segments key, and the argument walk has already read every
    /// string of the call with its key.
    /// Most calls (one path, a command and its cwd) fail this and the arguments are not walked again, nor their keys read as strings.
    /// </summary>
    public static bool MayCompose(IReadOnlyList<Preflight.ArgumentString> strings)
    {
        string? directoryKey = null;
        string? segmentKey = null;
        var parts = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            if (IsSegmentKey(s.Key))
            {
                // {"segments": ["/home/bo", ".ssh", "id_rsa"]}: one path in pieces, two or more strings under one key (an array's
                // items carry its key); a lone {"path": "src/a.cs"} is no pair.
                if (segmentKey is not null && segmentKey.Equals(s.Key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                segmentKey = s.Key;
            }

            var directory = DirectoryKeys.Contains(s.Key);
            if (directory || NameKeys.Contains(s.Key))
            {
                parts++;
                directoryKey ??= directory ? s.Key : null;
            }
        }

        return directoryKey is not null && parts >= 2;
    }

    /// <summary>Each (directory, name) pair of raw values found in <paramref name="arguments"/>.</summary>
    public static List<(string Directory, string Name)> Find(JsonElement arguments)
    {
        var composed = new List<(string Directory, string Name)>();
        var budget = MaxObjects;
        Walk(arguments, 0, ref budget, composed);
        return composed;
    }

    private static void Walk(JsonElement element, int depth, ref int budget, List<(string Directory, string Name)> composed)
    {
        if (depth > MaxDepth || budget <= 0)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, depth + 1, ref budget, composed);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        budget--;
        string? dirKey = null, dirValue = null;
        foreach (var p in element.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Array && IsSegmentKey(p.Name) && Segments(p.Value) is { } segments)
            {
                // {"parts": ["/home/ann", ".ssh", "id_rsa"]}: the tool joins the items (Path.Combine, path.join, os.path.join).
                composed.Add((segments.Directory, segments.Name));
            }
            else if (p.Value.ValueKind == JsonValueKind.Array && DirectoryKeys.Contains(p.Name) && dirKey is null && Segments(p.Value) is { } folder)
            {
                // {"folder": ["/root", ".docker"], "file": "config.json"}: the directory itself given as segments.
                dirKey = p.Name;
                dirValue = Join(folder.Directory, folder.Name);
            }

            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Walk(p.Value, depth + 1, ref budget, composed);
            }
            else if (p.Value.ValueKind == JsonValueKind.String && DirectoryKeys.Contains(p.Name) && (dirKey is null || IsWeakDirectoryKey(dirKey)))
            {
                // "path" or "location" next to a "root" or "directory" is the relative part, not the directory.
                dirKey = p.Name;
                dirValue = p.Value.GetString();
            }
        }

        if (dirKey is null || string.IsNullOrEmpty(dirValue))
        {
            return;
        }

        foreach (var p in element.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && p.Name != dirKey && NameKeys.Contains(p.Name)
                && p.Value.GetString() is { Length: > 0 and <= SensitivePathJudge.MaxLength } name && !IsRooted(name))
            {
                composed.Add((dirValue, name));
            }
        }
    }

    /// <summary>Most items of a segment array joined; a longer array is a list of things, not one path.</summary>
    private const int MaxSegments = 32;

    /// <summary>Keys whose array value is one path in pieces (<c>segments</c>, <c>parts</c>, <c>path_components</c>, a <c>path</c> array); not <c>paths</c>, a list of files.</summary>
    private static bool IsSegmentKey(string key) =>
        key.Equals("path", StringComparison.OrdinalIgnoreCase) || key.Equals("filepath", StringComparison.OrdinalIgnoreCase)
        || key.Equals("file_path", StringComparison.OrdinalIgnoreCase)
        || key.Contains("segment", StringComparison.OrdinalIgnoreCase) || key.Contains("part", StringComparison.OrdinalIgnoreCase)
        || key.Contains("component", StringComparison.OrdinalIgnoreCase) || key.Contains("piece", StringComparison.OrdinalIgnoreCase)
        || key.Contains("element", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path an array of string segments joins to, split into its directory and last name, as Path.Combine and os.path.join join
    /// them (a rooted item restarts the path); null when an item is not a string, the array is too short or too long, or the last item is empty.
    /// </summary>
    private static (string Directory, string Name)? Segments(JsonElement array)
    {
        var count = array.GetArrayLength();
        if (count is < 2 or > MaxSegments)
        {
            return null;
        }

        var parts = new List<string>(count);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= SensitivePathJudge.MaxLength } part)
            {
                return null;
            }

            if (IsRooted(part) && !part.Contains("://", StringComparison.Ordinal))
            {
                parts.Clear();
            }

            parts.Add(part);
        }

        if (parts.Count < 2)
        {
            return null;
        }

        var directory = parts[0];
        for (var i = 1; i < parts.Count - 1; i++)
        {
            directory = Join(directory, parts[i]);
        }

        return (directory, parts[^1]);
    }

    private static bool IsWeakDirectoryKey(string key) =>
        key.Equals("path", StringComparison.OrdinalIgnoreCase) || key.Equals("location", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path the tool opens: <c>directory/name</c>.</summary>
    public static string Join(string directory, string name) => directory.TrimEnd('/', '\\') + "/" + name;

    /// <summary>A rooted name is not joined to the directory (and is judged as a path argument of its own).</summary>
    private static bool IsRooted(string name) =>
        name[0] is '/' or '\\' or '~' || name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':' || name.Contains("://", StringComparison.Ordinal);
}

namespace McpVanguard.Audit;

/// <summary>The files of one rotated JSON-lines log, oldest first: <c>audit.jsonl.N</c> … <c>.1</c>, then <c>audit.jsonl</c>.</summary>
public static class AuditLogFiles
{
    public static IReadOnlyList<string> OldestFirst(string path)
    {
        var rotated = new List<(int Index, string File)>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(directory))
        {
            var prefix = Path.GetFileName(path) + ".";
            foreach (var file in Directory.EnumerateFiles(directory, prefix + "*"))
            {
                var name = Path.GetFileName(file);
                // The pattern also matches the live file itself ("audit.jsonl.*" matches "audit.jsonl") and its lock.
                if (name.Length > prefix.Length && int.TryParse(name[prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    rotated.Add((index, file));
                }
            }
        }

        var files = rotated.OrderByDescending(static r => r.Index).Select(static r => r.File).ToList();
        if (File.Exists(path))
        {
            files.Add(path);
        }

        return files;
    }
}

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// A path reduced to its segments after folding separators, stripping <c>file://</c>, and resolving <c>.</c> and <c>..</c>
/// lexically. <see cref="Climb"/> counts the <c>..</c> segments that went above the start (the traversal signal).
/// </summary>
internal sealed class NormalizedPath
{
    private NormalizedPath(string root, List<string> segments, int climb)
    {
        Root = root;
        Segments = segments;
        Climb = climb;
    }

    /// <summary><c>/</c>, <c>~</c>, a drive such as <c>c:</c>, or empty for a relative path.</summary>
    /// <remarks>A leading <c>//</c> is read as <c>/</c>, as POSIX systems do (<c>//etc/shadow</c> is <c>/etc/shadow</c>); a UNC share is then simply a rooted path.</remarks>
    public string Root { get; }

    public List<string> Segments { get; }

    public int Climb { get; }

    public bool IsRooted => Root.Length > 0;

    /// <summary>Parses a canonical (lower-cased, <c>/</c>-separated) path.</summary>
    public static NormalizedPath Parse(string canonical)
    {
        var s = canonical.Trim();
        if (s.StartsWith("file:", StringComparison.Ordinal))
        {
            // file:///etc/passwd, file://localhost/etc/passwd, file:/etc/passwd, file:///c:/windows
            s = s[5..];
            if (s.StartsWith("//", StringComparison.Ordinal))
            {
                s = s[2..];
                var slash = s.IndexOf('/');
                s = slash < 0 ? "/" : s[slash..];
            }

            if (s.Length >= 3 && s[0] == '/' && char.IsAsciiLetter(s[1]) && s[2] == ':')
            {
                s = s[1..];
            }
        }

        string root;
        if (s.StartsWith('~') && (s.Length == 1 || s[1] == '/'))
        {
            root = "~";
            s = s[1..];
        }
        else if (s.StartsWith('/'))
        {
            root = "/";
        }
        else if (s.Length >= 2 && char.IsAsciiLetter(s[0]) && s[1] == ':')
        {
            root = s[..2];
            s = s[2..];
        }
        else if (s.StartsWith("$home", StringComparison.Ordinal) || s.StartsWith("${home}", StringComparison.Ordinal) || s.StartsWith("%userprofile%", StringComparison.Ordinal) || s.StartsWith("$env:userprofile", StringComparison.Ordinal) || s.StartsWith("$env:home", StringComparison.Ordinal))
        {
            root = "~";
            s = s[(s.IndexOf('/') is var i && i < 0 ? s.Length : i)..];
        }
        else
        {
            root = string.Empty;
        }

        var segments = new List<string>();
        var climb = 0;
        foreach (var range in s.AsSpan().Split('/'))
        {
            var seg = s.AsSpan()[range].TrimEnd(' ');
            if (seg.IsEmpty || seg is ".")
            {
                continue;
            }

            if (seg is "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else
                {
                    climb++;
                }

                continue;
            }

            segments.Add(seg.ToString());
        }

        return new NormalizedPath(root, segments, climb);
    }
}

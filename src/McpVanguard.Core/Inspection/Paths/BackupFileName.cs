namespace McpVanguard.Inspection.Paths;

/// <summary>
/// The file an editor's or package manager's copy stands for: <c>shadow~</c>, <c>#shadow#</c>, <c>shadow.~1~</c>,
/// <c>.shadow.swp</c>, <c>shadow.bak</c>, <c>shadow.dpkg-old</c> hold what <c>shadow</c> holds, so reading one is
/// reading the original. Names are lower-cased segments.
/// </summary>
internal static class BackupFileName
{
    /// <summary>Suffixes editors, package managers and people add to a copy (vim swap files, nano's .save, dpkg/rpm/ucf leftovers).</summary>
    private static readonly string[] Suffixes =
    [
        ".swp", ".swo", ".swn", ".swx", ".bak", ".bck", ".bkp", ".backup", ".orig", ".old", ".save", ".sav", ".copy", ".tmp", ".prev",
        ".dpkg-old", ".dpkg-dist", ".dpkg-new", ".dpkg-bak", ".rpmsave", ".rpmnew", ".rpmorig", ".ucf-old", ".ucf-dist",
    ];

    /// <summary>
    /// The original name(s) <paramref name="name"/> is a copy of, or false when it has no copy decoration. A vim swap file
    /// drops the leading dot vim adds (<c>.shadow.swp</c> is <c>shadow</c>), but a dot-file keeps its own
    /// (<c>.env.swp</c> may be <c>.env</c>): both are given.
    /// </summary>
    public static bool TryOriginal(string name, out string original, out string? alternate)
    {
        alternate = null;
        original = name;
        if (name.Length < 2)
        {
            return false;
        }

        if (name[0] == '#' && name[^1] == '#' && name.Length > 2)
        {
            original = name[1..^1];
            return true;
        }

        // Emacs numbered backups ("shadow.~3~") before the plain "shadow~".
        if (name[^1] == '~')
        {
            var dotTilde = name.LastIndexOf(".~", StringComparison.Ordinal);
            // "x.~" ends in the ".~" itself: no digits between, so it is the plain "x.~" backup (found by fuzzing).
            original = dotTilde > 0 && dotTilde < name.Length - 2 && IsDigits(name.AsSpan(dotTilde + 2, name.Length - dotTilde - 3)) ? name[..dotTilde] : name[..^1];
            return original.Length > 0;
        }

        foreach (var suffix in Suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                original = name[..^suffix.Length];
                if (suffix.StartsWith(".sw", StringComparison.Ordinal) && original.Length > 1 && original[0] == '.')
                {
                    alternate = original[1..];
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}

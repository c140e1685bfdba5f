using ModelContextProtocol;

namespace McpVanguard.Demo;

/// <summary>
/// The temporary folder the demo server works in. Every path a demo tool receives is resolved
/// against it and refused when it leaves it, so the demo stays harmless even when the proxy in
/// front of it only audits (the monitor profile forwards attacks).
/// </summary>
public sealed class DemoWorkspace
{
    // Keeps a demo tool from reading or writing something large by accident.
    internal const int MaxFileBytes = 64 * 1024;

    // Keeps list_directory's answer small enough to show in one table cell.
    internal const int MaxListedEntries = 200;

    public DemoWorkspace(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"demo workspace '{Root}' does not exist");
        }
    }

    /// <summary>The absolute, normalised workspace folder.</summary>
    public string Root { get; }

    /// <summary>Creates a fresh temporary workspace with a README and a few everyday files for the scripted session to use.</summary>
    public static DemoWorkspace CreateTemporary()
    {
        var root = Directory.CreateTempSubdirectory("vanguard-demo-").FullName;
        File.WriteAllText(Path.Combine(root, "README.md"),
            "# Demo project\n\nA scratch workspace created by `vanguard demo`. Everything here is deleted afterwards.\n");
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "src", "app.py"),
            "import subprocess\n\n\ndef build():\n    subprocess.run([\"make\", \"build\"], check=True)\n");
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "password-reset-flow.md"),
            "# Password reset flow\n\n1. The user asks for a reset link.\n2. The link expires after 30 minutes.\n");
        return new DemoWorkspace(root);
    }

    /// <summary>
    /// Resolves <paramref name="path"/> (relative to the root, or absolute) and refuses anything
    /// that lands outside the root. Percent-encoding and <c>~</c> are deliberately not interpreted:
    /// the server takes names literally, and spotting such tricks is the proxy's job.
    /// </summary>
    public string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new McpException("path is empty");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new McpException("path contains a NUL character");
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        var inside = full == Root || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside)
        {
            throw new McpException($"'{path}' is outside the demo workspace");
        }

        return full;
    }

    /// <summary>Shows a resolved path relative to the root, so answers never reveal the host's temp layout.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        return relative == "." ? "." : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}

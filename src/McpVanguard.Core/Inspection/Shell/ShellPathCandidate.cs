namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A path a command would read, after the shell's expansions. <paramref name="Ambiguous"/> when a glob matched several catalogued names
/// (<c>config/*.json</c>): the finding then warns instead of blocking, since the disk may hold none of them.
/// </summary>
public readonly record struct ShellPathCandidate(string Path, bool Ambiguous);

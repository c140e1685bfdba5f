namespace McpVanguard.Inspection.Shell;

/// <summary>
/// What an exec-like tool is given under keys other than <c>command</c>: lines typed one after another (<c>{"steps": [{"keys": "wget … -O /tmp/a"},
/// {"keys": "chmod +x /tmp/a &amp;&amp; /tmp/a"}]}</c>, <c>{"inputs": [...]}</c>) run in turn, so they are judged together as one script, as a command
/// list is; and an expression that is code (<c>__import__('os').system(…)</c>) is judged as code as well as a command line.
/// </summary>
internal static class TypedLines
{
    /// <summary>Keeps a typed line with the earlier ones of the same key; a new key first judges the lines kept so far as one script.</summary>
    public static void Keep(ShellAnalyzer analyzer, Preflight.ArgumentString s, ref List<string>? lines, ref string? linesKey)
    {
        if (!string.Equals(s.Key, linesKey, StringComparison.Ordinal))
        {
            ShellCommandInspector.FlushLines(analyzer, lines);
            linesKey = s.Key;
        }

        if ((lines ??= []).Count < ShellCommandInspector.MaxListLines)
        {
            lines.Add(s.Decoded);
        }
    }

    /// <summary>
    /// A one-word line that runs a program by its path (<c>/tmp/a</c>, <c>./a</c>), typed after other lines of the same key: too short to be a
    /// candidate command alone, it is the step that runs what the earlier lines fetched.
    /// </summary>
    public static bool Continues(Preflight.ArgumentString s, List<string>? lines, string? linesKey) =>
        lines is { Count: > 0 } && string.Equals(s.Key, linesKey, StringComparison.Ordinal) && s.Decoded.Length is > 1 and < 512
        && s.Decoded[0] is '/' or '.' or '~' && s.Decoded.AsSpan().IndexOfAny(' ', '\t', '\n') < 0;

    /// <summary>
    /// True when an expression has the shape of interpreter code (a call with a quoted argument): <c>__import__('os').system('…')</c>,
    /// <c>require('child_process').execSync(…)</c>, <c>File.read('…')</c>. A command line rarely has both.
    /// </summary>
    public static bool LooksLikeCode(string value)
    {
        var open = value.IndexOf('(');
        return open > 0 && value.IndexOf(')', open) > 0 && value.AsSpan().IndexOfAny('\'', '"') >= 0;
    }
}

namespace McpVanguard.Inspection.Shell;

/// <summary>A redirection of one simple command: the operator (<c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;&amp;</c>, <c>&lt;</c>, …) and its target word.</summary>
internal readonly record struct ShellRedirect(string Operator, string Target)
{
    /// <summary>True for operators that write to (or truncate) their target.</summary>
    public bool Writes => Operator.Contains('>');
}

/// <summary>A here-document body and where it was written (start, end exclusive) in the parsed text; only for the top-level script.</summary>
internal readonly record struct ShellHeredoc(string Body, int Start, int End);

/// <summary>One simple command: words after quote removal, its redirections and the scripts of substitutions inside it.</summary>
internal sealed class ShellCommand
{
    public List<string> Words { get; } = [];

    /// <summary>Where each word was written in the parsed text (start, end exclusive), parallel to <see cref="Words"/>; only for the top-level script.</summary>
    public List<(int Start, int End)> WordSpans { get; } = [];

    public List<ShellRedirect> Redirects { get; } = [];

    /// <summary>Inner scripts of <c>$(…)</c>, backticks and <c>&lt;(…)</c> written in this command's words.</summary>
    public List<ShellScript> Substitutions { get; } = [];

    /// <summary>Here-document bodies fed to this command's standard input (<c>&lt;&lt;EOF</c> … <c>EOF</c>), in the order written.</summary>
    public List<ShellHeredoc> Heredocs { get; } = [];

    public bool IsEmpty => Words.Count == 0 && Redirects.Count == 0 && Substitutions.Count == 0;
}

/// <summary>Commands joined by <c>|</c>: each reads what the one before it writes.</summary>
internal sealed class ShellPipeline
{
    public List<ShellCommand> Commands { get; } = [];
}

/// <summary>A parsed command line: pipelines separated by <c>;</c>, <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c> or newlines.</summary>
internal sealed class ShellScript
{
    public List<ShellPipeline> Pipelines { get; } = [];

    /// <summary>Every simple command, including those inside substitutions, depth first.</summary>
    public IEnumerable<ShellCommand> AllCommands()
    {
        foreach (var pipeline in Pipelines)
        {
            foreach (var command in pipeline.Commands)
            {
                yield return command;
                foreach (var sub in command.Substitutions)
                {
                    foreach (var inner in sub.AllCommands())
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using McpVanguard.Configuration;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// What is wrong with a command line, each problem one line with a "did you mean" where a known name is close: a typo
/// must stop vanguard with exit 2 before any child starts, never become part of the server's command line.
/// </summary>
internal static class CommandLineErrors
{
    public const int ExitCode = 2;

    /// <summary>Every problem of <paramref name="parse"/>: the parser's errors and the stray tokens of a command that takes a command line after <c>--</c>.</summary>
    public static IReadOnlyList<string> Find(ParseResult parse, IReadOnlyDictionary<Command, Argument<string[]>> passThrough)
    {
        var problems = new List<string>();
        var command = parse.CommandResult.Command;
        foreach (var error in parse.Errors)
        {
            problems.Add(Describe(error, command));
        }

        if (passThrough.TryGetValue(command, out var argument) && parse.GetResult(argument) is { } result)
        {
            var strays = BeforeDoubleDash(parse, result).ToList();
            var unknownOptions = strays.Where(s => s.StartsWith('-')).ToList();
            // After an unknown option, the words that follow are most likely its value: naming the option is the useful part.
            foreach (var option in unknownOptions)
            {
                problems.Add($"unknown option '{option}' for '{command.Name}'{KeySuggestion.For(option, OptionNames(command))}.");
            }

            if (unknownOptions.Count == 0 && strays.Count > 0)
            {
                problems.Add($"unexpected argument '{strays[0]}' before '--': the server command goes after -- (vanguard {command.Name} [options] -- CMD ARGS) or in --server \"CMD ARGS\".");
            }
        }

        // "Required command was not provided" only repeats an unknown command's error.
        if (problems.Count > 1)
        {
            problems.RemoveAll(p => p.StartsWith("Required command", StringComparison.Ordinal));
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Prints <paramref name="problems"/> and where to read the usage; returns exit code 2.</summary>
    public static int Report(ParseResult parse, IReadOnlyList<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine($"vanguard: {problem}");
        }

        var command = parse.CommandResult.Command;
        error.WriteLine(command is RootCommand ? "Run 'vanguard --help' for the commands." : $"Run 'vanguard {PathOf(command)} --help' for its options and examples.");
        return ExitCode;
    }

    /// <summary>The words that name <paramref name="command"/> after <c>vanguard</c>, such as <c>rules list</c>.</summary>
    private static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Whether the parse asks for help (then the parser's own help output is right, errors or not).</summary>
    public static bool IsHelp(ParseResult parse) => parse.Action is HelpAction;

    /// <summary>
    /// The tokens the pass-through argument took before <c>--</c>. The parser gives every token after <c>--</c> to the
    /// argument, so those are the last ones it holds; anything it holds beyond them came before <c>--</c> (an unknown
    /// option such as <c>--safezone</c>, or a server command without <c>--</c>).
    /// </summary>
    private static IEnumerable<string> BeforeDoubleDash(ParseResult parse, ArgumentResult result)
    {
        var tokens = parse.Tokens;
        var dash = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash)
            {
                dash = i;
                break;
            }
        }

        var afterDash = dash < 0 ? 0 : tokens.Count - dash - 1;
        return result.Tokens.Take(Math.Max(0, result.Tokens.Count - afterDash)).Select(t => t.Value);
    }

    private static string Describe(ParseError error, Command command)
    {
        const string unrecognized = "Unrecognized command or argument '";
        if (error.Message.StartsWith(unrecognized, StringComparison.Ordinal) && error.Message.EndsWith("'.", StringComparison.Ordinal))
        {
            var token = error.Message[unrecognized.Length..^2];
            var known = token.StartsWith('-') ? OptionNames(command) : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
            var what = token.StartsWith('-') ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected argument";
            var where = command is RootCommand ? string.Empty : $" for '{command.Name}'";
            return $"{what} '{token}'{where}{KeySuggestion.For(token, known)}.";
        }

        return error.Message;
    }

    /// <summary>The names and aliases of the options <paramref name="command"/> accepts, its own and those its parents pass down.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        foreach (var parent in command.Parents.OfType<Command>())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }
}

using McpVanguard.Replay;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// Replays corpus files through one <see cref="ReplayRunner"/> (the same runner as <c>vanguard replay</c>) for
/// <c>taxonomy</c> and <c>bench detection</c>; a progress bar on the terminal's standard error, nothing when it is piped.
/// </summary>
internal static class CorpusReplay
{
    /// <summary>The corpus files of <paramref name="directory"/> replayed by default: every <c>*.jsonl</c> except <c>strict-only*</c> (they expect blocks only under strict).</summary>
    public static IReadOnlyList<string> DefaultFiles(string directory)
        => Directory.EnumerateFiles(directory, "*.jsonl")
            .Where(f => !Path.GetFileName(f).StartsWith("strict-only", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads every file first (a bad file is an error before anything runs), then replays the cases in order.</summary>
    /// <exception cref="InvalidDataException">A file holds an invalid case (the message names the file and line).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static async Task<IReadOnlyList<(string File, ReplayResult Result)>> RunAsync(ReplayRunner runner, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var cases = new List<(string File, ReplayCase Case)>();
        foreach (var file in files)
        {
            using var reader = File.OpenText(file);
            try
            {
                cases.AddRange(ReplayReader.Read(reader).Select(c => (file, c)));
            }
            catch (ReplayFormatException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }

        var results = new List<(string, ReplayResult)>(cases.Count);
        if (Console.IsErrorRedirected || cases.Count < 200)
        {
            foreach (var (file, c) in cases)
            {
                results.Add((file, await runner.RunAsync(c, cancellationToken)));
            }

            return results;
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await terminal.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"replaying {cases.Count} cases", maxValue: cases.Count);
            foreach (var (file, c) in cases)
            {
                results.Add((file, await runner.RunAsync(c, cancellationToken)));
                task.Increment(1);
            }
        });
        return results;
    }
}

using System.Diagnostics;

namespace McpVanguard.EndToEnd;

/// <summary>One run of the real <c>vanguard</c> process to its end, with stdin closed, for commands that print and exit.</summary>
internal static class VanguardRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <param name="dll">Another tool to run under dotnet (the Full tool); the vanguard under test (<see cref="TestEnvironment.VanguardCommand"/>) unless given.</param>
    public static Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken token, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, string? dll = null)
        => dll is null
            ? RunProgramAsync(TestEnvironment.VanguardProgram, TestEnvironment.VanguardArguments(arguments), token, environment, workingDirectory)
            : RunProgramAsync("dotnet", [dll, .. arguments], token, environment, workingDirectory);

    /// <summary>Runs <paramref name="program"/> (a wrapper such as <c>script</c> around vanguard) to its end.</summary>
    public static async Task<Result> RunProgramAsync(string program, IEnumerable<string> arguments, CancellationToken token, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(patience.Token);
            var stderr = process.StandardError.ReadToEndAsync(patience.Token);
            await process.WaitForExitAsync(patience.Token);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

using System.Diagnostics;

namespace McpVanguard.EndToEnd;

/// <summary>Runs a command to completion with stdin closed, capturing both output streams.</summary>
internal static class ProcessRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string command, IEnumerable<string> arguments, TimeSpan patience, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command} {string.Join(' ', info.ArgumentList)}` did not finish within {patience}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>Runs the official conformance suite's active server scenarios against a URL and reads its summary.</summary>
internal static partial class ConformanceSuite
{
    /// <summary>The suite's summary lines: "✓ NAME: N passed, M failed" (✗ when any check failed).</summary>
    [GeneratedRegex(@"^(?<mark>[✓✗]) (?<name>[a-z0-9-]+): (?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex SummaryLine();

    public static async Task<ConformanceResult> RunAsync(string url, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ConformanceEnvironment.Node22)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ConformanceEnvironment.Suite);
        info.ArgumentList.Add("server");
        info.ArgumentList.Add("--url");
        info.ArgumentList.Add(url);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the conformance suite");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        var passed = new SortedSet<string>(StringComparer.Ordinal);
        var failed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match line in SummaryLine().Matches(output))
        {
            var name = line.Groups["name"].Value;
            (line.Groups["mark"].Value == "✓" && line.Groups["failed"].Value == "0" ? passed : failed).Add(name);
        }

        return new ConformanceResult(passed, failed, output);
    }
}

/// <summary>Which scenarios passed and failed, and the suite's whole output for failure messages.</summary>
internal sealed record ConformanceResult(SortedSet<string> Passed, SortedSet<string> Failed, string Output)
{
    public string OutputTail => Output.Length > 6000 ? Output[^6000..] : Output;
}

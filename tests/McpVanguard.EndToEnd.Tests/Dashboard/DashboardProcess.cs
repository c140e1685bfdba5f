using System.Diagnostics;

namespace McpVanguard.EndToEnd.Dashboard;

/// <summary>
/// The real <c>vanguard ui --port 0 --no-browser</c> over a private audit log and pin file, run to the end of the test
/// class; its sign-in URL is read from the line it prints.
/// </summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private DashboardProcess(Process process, Uri signIn)
    {
        _process = process;
        SignInUrl = signIn;
        BaseAddress = new Uri(signIn.GetLeftPart(UriPartial.Authority) + "/");
    }

    public Uri SignInUrl { get; }

    public Uri BaseAddress { get; }

    public static async Task<DashboardProcess> StartAsync(string auditLog, string pinsFile, CancellationToken token, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in TestEnvironment.VanguardArguments(["ui", "--port", "0", "--no-browser", "--audit-log", auditLog, "--pins-file", pinsFile, .. extra]))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(token);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TestEnvironment.Patience);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
            {
                if (line.StartsWith("vanguard ui: ", StringComparison.Ordinal))
                {
                    return new DashboardProcess(process, new Uri(line["vanguard ui: ".Length..].Trim()));
                }
            }
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("vanguard ui printed no URL; stderr:\n" + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

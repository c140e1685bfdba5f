using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace McpVanguard.EndToEnd;

/// <summary>
/// A process driven over raw stdin/stdout pipes, one JSON-RPC message per line, for tests that must
/// send what no SDK client would (invalid JSON, invalid UTF-8, over-long lines) or must control
/// exactly when stdin closes and which signal arrives.
/// </summary>
internal sealed class PipedProcess : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly List<JsonElement> _received = [];

    private PipedProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string Stderr => string.Join('\n', _stderr);

    /// <summary>Every message read so far, in order, including those skipped while waiting for a specific id.</summary>
    public IReadOnlyList<JsonElement> Received => _received;

    /// <summary>Starts <c>vanguard start OPTIONS -- SERVER...</c>.</summary>
    public static PipedProcess StartVanguard(IEnumerable<string> startOptions, IEnumerable<string> server) =>
        Start(TestEnvironment.VanguardProgram, TestEnvironment.StartArguments(startOptions, server));

    /// <summary>Starts <c>vanguard ARGUMENTS</c>.</summary>
    public static PipedProcess StartVanguardCommand(params IEnumerable<string> arguments) =>
        Start(TestEnvironment.VanguardProgram, TestEnvironment.VanguardArguments(arguments));

    public static PipedProcess Start(string command, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var piped = new PipedProcess(process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                piped._stderr.Enqueue(line.Data);
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        return piped;
    }

    public Task SendAsync(string line, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(line), cancellationToken);

    /// <summary>Writes <paramref name="line"/> as given (it may be invalid UTF-8) followed by a newline.</summary>
    public async Task SendAsync(byte[] line, CancellationToken cancellationToken)
    {
        var stdin = _process.StandardInput.BaseStream;
        await stdin.WriteAsync(line, cancellationToken);
        await stdin.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await stdin.FlushAsync(cancellationToken);
    }

    /// <summary>Closes stdin: the agent going away.</summary>
    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>Reads the next message; fails the test when stdout ends or nothing arrives in time.</summary>
    public async Task<JsonElement> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestEnvironment.Patience);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no message on stdout within {TestEnvironment.Patience}; stderr:\n{Stderr}");
        }

        if (line is null)
        {
            throw new EndOfStreamException($"stdout closed; stderr:\n{Stderr}");
        }

        using var document = JsonDocument.Parse(line);
        var message = document.RootElement.Clone();
        _received.Add(message);
        return message;
    }

    /// <summary>The next line of stdout as text (null at its end), for processes that print something other than JSON-RPC.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) => await _process.StandardOutput.ReadLineAsync(cancellationToken);

    /// <summary>The rest of stdout as text, for commands whose output is for people, not JSON-RPC.</summary>
    public async Task<string> ReadTextToEndAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestEnvironment.Patience);
        return await _process.StandardOutput.ReadToEndAsync(timeout.Token);
    }

    /// <summary>Reads messages until the response whose id is the string <paramref name="id"/>; returns it.</summary>
    public async Task<JsonElement> ReadResponseAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReadAsync(cancellationToken);
            if (message.TryGetProperty("id", out var messageId) && messageId.ValueKind == JsonValueKind.String && messageId.GetString() == id
                && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _)))
            {
                return message;
            }
        }
    }

    /// <summary>Does the MCP handshake (initialize, then notifications/initialized) and returns the initialize result.</summary>
    public async Task<JsonElement> InitializeAsync(CancellationToken cancellationToken)
    {
        await SendAsync("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"vanguard-e2e","version":"1.0.0"}}}""", cancellationToken);
        var response = await ReadResponseAsync("init", cancellationToken);
        Assert.True(response.TryGetProperty("result", out var result), $"initialize failed: {response}");
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", cancellationToken);
        return result;
    }

    /// <summary>Waits for exit and returns the exit code; fails the test if it does not exit in time.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestEnvironment.Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"process {Pid} did not exit within {TestEnvironment.Patience}; stderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal through kill(1), as a supervisor or a terminal would.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Only a failed test leaves the process running; clean up so one failure does not leak into the next test.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

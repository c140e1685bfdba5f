using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>A server process started for a test: waits until it accepts TCP on its loopback port, and kills its tree on dispose.</summary>
internal sealed class ListeningProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ListeningProcess(Process process) => _process = process;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    public static async Task<ListeningProcess> StartAsync(
        string fileName, IEnumerable<string> arguments, int port, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var started = new ListeningProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartPatience;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{fileName} exited with {process.ExitCode} before listening:\n{started.OutputTail}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return started;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

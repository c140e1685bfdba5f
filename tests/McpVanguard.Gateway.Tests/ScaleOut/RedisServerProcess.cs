using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// A real redis-server of the test's own, on a free loopback port with a temporary directory (never the system service):
/// no snapshots and no append-only file, so a restart starts empty. Stopped (and restarted on the same port) by PID.
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-redis-").FullName;
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}/0";

    public static async Task<RedisServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var redis = new RedisServerProcess(McpVanguard.Testing.LoopbackPort.Free());
        await redis.RestartAsync(cancellationToken);
        return redis;
    }

    /// <summary>Starts the server (again) on the same port and waits until it answers PING.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(LocalServices.RedisServer!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _dir, "--daemonize", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = _process.StandardError.ReadToEndAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TestPeers.Patience;
        while (!await AnswersPingAsync(cancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline && !_process.HasExited, "redis-server did not start");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Kills the server and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>How many fields the hash at <paramref name="key"/> holds (HLEN; 0 when absent).</summary>
    public async Task<long> HashLengthAsync(string key, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"*2\r\n$4\r\nHLEN\r\n${key.Length}\r\n{key}\r\n"), cancellationToken);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith(":", reply, StringComparison.Ordinal);
        return long.Parse(reply[1..].TrimEnd(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

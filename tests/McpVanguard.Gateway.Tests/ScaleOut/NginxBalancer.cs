using System.Diagnostics;
using System.Globalization;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// Debian's nginx as an ordinary process (its own <c>-p</c> prefix and <c>-c</c> config in a temporary directory, never
/// the system service) running the shipped <c>deploy/compose/nginx-vanguard.conf</c>, with its gateway addresses and
/// listen port replaced by the test's loopback ports. Stopped by PID.
/// </summary>
internal sealed class NginxBalancer : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-nginx-").FullName;
    private Process? _process;

    public int Port { get; } = McpVanguard.Testing.LoopbackPort.Free();

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts nginx in front of instances a and b (c, which these tests do not run, is mapped to a).</summary>
    public static async Task<NginxBalancer> StartAsync(int portA, int portB, CancellationToken cancellationToken)
    {
        var nginx = new NginxBalancer();
        var shipped = await File.ReadAllTextAsync(Path.Combine(TestPeers.RepositoryRoot, "deploy", "compose", "nginx-vanguard.conf"), cancellationToken);
        var site = shipped
            .Replace("gateway-a:8080", $"127.0.0.1:{portA}", StringComparison.Ordinal)
            .Replace("gateway-b:8080", $"127.0.0.1:{portB}", StringComparison.Ordinal)
            .Replace("gateway-c:8080", $"127.0.0.1:{portA}", StringComparison.Ordinal)
            .Replace("listen 8080;", $"listen 127.0.0.1:{nginx.Port};", StringComparison.Ordinal);
        var d = nginx._dir;
        await File.WriteAllTextAsync(Path.Combine(d, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{d}}/body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
            {{site}}
            }
            """, cancellationToken);
        var info = new ProcessStartInfo(LocalServices.Nginx!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", d, "-c", Path.Combine(d, "nginx.conf"), "-e", Path.Combine(d, "error.log") })
        {
            info.ArgumentList.Add(argument);
        }

        nginx._process = Process.Start(info)!;
        _ = nginx._process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = nginx._process.StandardError.ReadToEndAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TestPeers.Patience;
        using var probe = new HttpClient();
        while (true)
        {
            Assert.False(nginx._process.HasExited, "nginx exited: " + (File.Exists(Path.Combine(d, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(d, "error.log"), cancellationToken) : string.Empty));
            try
            {
                using var response = await probe.GetAsync(new Uri(nginx.Url, "/healthz"), cancellationToken);
                return nginx;
            }
            catch (HttpRequestException)
            {
                Assert.True(DateTime.UtcNow < deadline, "nginx did not start listening on port " + nginx.Port.ToString(CultureInfo.InvariantCulture));
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // SIGTERM: the master stops its workers (a SIGKILLed master would leave them running, orphaned).
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(CancellationToken.None);
            }

            using var patience = new CancellationTokenSource(TestPeers.Patience);
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

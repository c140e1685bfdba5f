using System.Net;
using System.Net.Sockets;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>Finding Debian's redis-server and nginx, and free loopback ports, for tests that start their own.</summary>
internal static class LocalServices
{
    public static string? RedisServer { get; } = Find("redis-server");

    public static string? Nginx { get; } = Find("nginx");

    /// <summary>Skips the test, saying what is missing, unless redis-server (and nginx when asked) are installed.</summary>
    public static void Require(bool nginx)
    {
        if (RedisServer is null || (nginx && Nginx is null))
        {
            Assert.Skip("SKIP: the scale-out tests need Debian's redis-server" + (nginx ? " and nginx" : string.Empty) + " (apt-get install redis-server nginx; .ci/run installs them).");
        }
    }

    private static string? Find(string program)
        => new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}

namespace McpVanguard.ConformanceServer;

/// <summary>How the target was asked to run: stdio (default) or Streamable HTTP on a loopback port.</summary>
internal sealed record TargetOptions(bool Http, int Port, string? Error)
{
    public static TargetOptions Parse(string[] args)
    {
        var http = false;
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--http":
                    http = true;
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is > 0 and < 65536:
                    port = p;
                    i++;
                    break;
                default:
                    return new TargetOptions(false, 0, $"unknown or malformed argument '{args[i]}'");
            }
        }

        if (http && port == 0)
        {
            return new TargetOptions(false, 0, "--http needs --port P");
        }

        return new TargetOptions(http, port, null);
    }
}

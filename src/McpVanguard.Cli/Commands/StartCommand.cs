using System.CommandLine;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard start --server "CMD ARGS"</c> or <c>vanguard start -- CMD ARGS</c>: wrap a stdio MCP server.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var server = new Option<string?>("--server", "-s") { Description = "The server command line, quoted (for example \"npx @modelcontextprotocol/server-filesystem .\")." };
        var command = new Argument<string[]>("command") { Description = "The server command and its arguments, after --.", Arity = ArgumentArity.ZeroOrMore };
        var start = new Command("start", "Run an MCP server as a child and firewall its stdio traffic.") { server, command };
        common.AddTo(start);
        start.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<string> argv;
            try
            {
                argv = parse.GetValue(server) is { } line ? CommandLineSplitter.Split(line) : parse.GetValue(command) ?? [];
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            if (argv.Count == 0)
            {
                Console.Error.WriteLine("[vanguard] no server command: use --server \"CMD ARGS\" or -- CMD ARGS.");
                return EngineFactory.ConfigurationError;
            }

            if (EngineFactory.TryCreate(common, parse, background: true) is not var (options, _, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            // Regex construction is the slowest part of start-up; it overlaps with the server starting instead of delaying it.
            _ = engine.StartWarmUp();
            await using var audit = EngineFactory.CreateAuditSink(options);
            var proxy = new StdioProxy(engine, audit, new StdioProxyOptions(options.ServerId, options.ShutdownGrace, options.MaxPendingRequests, options.PendingTimeout, options.AuditAllows), Console.Error);
            try
            {
                return await proxy.RunAsync(argv, Console.OpenStandardInput(), Console.OpenStandardOutput(), cancellationToken);
            }
            catch (UpstreamStartException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return 127;
            }
        });
        return start;
    }
}

using System.CommandLine;
using McpVanguard.Demo;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard demo-server --root DIR</c>: the bundled demo MCP server on stdio. Hidden, because
/// only <c>vanguard demo</c> starts it (as the child behind <c>vanguard start</c>).
/// </summary>
internal static class DemoServerCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--root")
        {
            Description = "The folder the demo tools are confined to; it must exist.",
            Required = true,
        };
        root.AcceptExistingOnly();

        var command = new Command("demo-server", "Runs the bundled demo MCP server over stdio (used by `vanguard demo`).")
        {
            Hidden = true,
        };
        command.Options.Add(root);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await DemoServer.RunAsync(parseResult.GetValue(root)!.FullName, cancellationToken);
            return 0;
        });
        return command;
    }
}

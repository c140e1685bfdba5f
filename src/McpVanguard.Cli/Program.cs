// LOCAL STAND-IN for the demo branch only; the lead's Program.cs replaces it at merge.
using System.CommandLine;
using McpVanguard.Cli.Commands;

var root = new RootCommand("McpVanguard: a security proxy and firewall for MCP.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(DemoServerCommand.Create());
return await root.Parse(args).InvokeAsync();
